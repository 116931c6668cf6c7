// Query and DeleteOptions parsing (negotiation/) turned into what the store and handlers use, with Status
// errors thrown at the edge.
import type { KubeObject } from '@kubesim/api';
import type { DeleteOptions as StoreDeleteOptions, WriteOptions as StoreWriteOptions } from '@kubesim/store';
import {
  type ListOptions,
  parseDeleteOptions,
  parseListOptions,
  parseWriteOptions,
  type WriteOperation,
  type WriteOptions,
} from '../negotiation/index.js';
import { pruneUnknownFields, validateFields } from '../openapi/index.js';
import type { ResourceCall } from './context.js';
import { unwrap } from './errors.js';

export interface Selection {
  matches(obj: KubeObject): boolean;
}

export function listOptionsOf(call: ResourceCall): ListOptions {
  return unwrap(parseListOptions(call.query, call.target.info.kind));
}

export function selectionOf(opts: ListOptions): Selection {
  return {
    matches: (obj) => opts.labelSelector.matches(obj.metadata.labels) && opts.fieldSelector.matches(obj),
  };
}

export function writeOptionsOf(call: ResourceCall, op: WriteOperation, apply = false): WriteOptions {
  return unwrap(parseWriteOptions(call.query, op, { apply }));
}

export function storeWriteOptions(opts: { dryRun: boolean }): StoreWriteOptions {
  return opts.dryRun ? { dryRun: true } : {};
}

/** Unknown fields under fieldValidation: Strict refuses (400), Warn returns the Warning texts; either way the
 *  fields are dropped, never stored. */
export function checkFields(kind: string, body: unknown, opts: WriteOptions): string[] {
  const warnings = unwrap(validateFields(kind, body, opts.fieldValidation));
  pruneUnknownFields(kind, body);
  return warnings;
}

export function deleteOptionsOf(call: ResourceCall, body: unknown): StoreDeleteOptions {
  const opts = unwrap(parseDeleteOptions(call.query, body));
  const out: StoreDeleteOptions = storeWriteOptions(opts);
  if (opts.gracePeriodSeconds !== undefined) out.gracePeriodSeconds = opts.gracePeriodSeconds;
  const policy = opts.propagationPolicy ?? (opts.orphanDependents ? 'Orphan' : undefined);
  if (policy) out.propagationPolicy = policy;
  if (opts.preconditions) out.preconditions = opts.preconditions;
  return out;
}
