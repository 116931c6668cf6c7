// Plain-JSON helpers the patch dialects share: the model's, plus Go's %v rendering for error messages.

import { deepCopy, isRecord, type JsonRecord } from '@kubesim/api';

export type JsonObject = JsonRecord;
export const isObject = isRecord;
export const clone = deepCopy;

/** Go's fmt %v rendering of decoded JSON, used where Kubernetes quotes a value in an error message. */
export function goFormat(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  }
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}
