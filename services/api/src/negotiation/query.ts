// Query-string options of list/watch, write and delete requests, decoded and checked as the API server does:
// malformed values are a 400 (`strconv.ParseInt: parsing "x": invalid syntax`), invalid combinations a 422
// naming the options kind (`ListOptions.meta.k8s.io "" is invalid: ...`).
import {
  type FieldSelector,
  isRecord,
  parseFieldSelector,
  parseLabelSelector,
  type Selector,
  type Status,
  type StatusCause,
  statusErrors,
} from '@kubesim/api';
import * as E from 'fp-ts/Either';
import type { FieldValidation } from '../openapi/index.js';

/** Query booleans as the API server converts them: only "0" and "false" (any case) are false. */
function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  return !(v === '0' || v.toLowerCase() === 'false');
}

/** Query integers: decimal int64; an empty value reads as 0. */
function queryInt(query: URLSearchParams, name: string): E.Either<Status, number | undefined> {
  const raw = query.get(name);
  if (raw === null) return E.right(undefined);
  const v = raw.trim();
  if (v === '') return E.right(0);
  if (!/^[+-]?\d+$/.test(v))
    return E.left(statusErrors.badRequest(`strconv.ParseInt: parsing "${raw}": invalid syntax`));
  const n = Number(v);
  if (!Number.isSafeInteger(n))
    return E.left(statusErrors.badRequest(`strconv.ParseInt: parsing "${raw}": value out of range`));
  return E.right(n);
}

const forbidden = (field: string, message: string): StatusCause => ({
  reason: 'FieldValueForbidden',
  field,
  message: `Forbidden: ${message}`,
});

const goQuote = (v: string) => JSON.stringify(v);

const notSupported = (field: string, value: string, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: `Unsupported value: ${value}: supported values: ${supported.map(goQuote).join(', ')}`,
});

function invalidOptions(kind: string, causes: StatusCause[]): E.Either<Status, never> {
  return E.left(statusErrors.invalid(kind, 'meta.k8s.io', '', causes));
}

export type ResourceVersionMatch = 'NotOlderThan' | 'Exact';

export interface ListOptions {
  labelSelector: Selector;
  fieldSelector: FieldSelector;
  /** "" or absent: the most recent state; "0": any state (served from the current one here). */
  resourceVersion?: string;
  resourceVersionMatch?: ResourceVersionMatch;
  watch: boolean;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  limit?: number;
  continue?: string;
}

/**
 * Options of a list or watch (`?watch=true`). `kind` restricts fieldSelector to the field labels that kind
 * supports. Follows ValidateListOptions; the WatchList feature (sendInitialEvents on watches) is not served.
 */
export function parseListOptions(query: URLSearchParams, kind?: string): E.Either<Status, ListOptions> {
  const labelSelector = parseLabelSelector(query.get('labelSelector') ?? '');
  if (E.isLeft(labelSelector)) return labelSelector;
  const fieldSelector = parseFieldSelector(query.get('fieldSelector') ?? '', kind);
  if (E.isLeft(fieldSelector)) return fieldSelector;
  const timeoutSeconds = queryInt(query, 'timeoutSeconds');
  if (E.isLeft(timeoutSeconds)) return timeoutSeconds;
  const limit = queryInt(query, 'limit');
  if (E.isLeft(limit)) return limit;

  const opts: ListOptions = {
    labelSelector: labelSelector.right,
    fieldSelector: fieldSelector.right,
    watch: queryBool(query, 'watch') ?? false,
    allowWatchBookmarks: queryBool(query, 'allowWatchBookmarks') ?? false,
  };
  const rv = query.get('resourceVersion');
  if (rv !== null && rv !== '') opts.resourceVersion = rv;
  const match = query.get('resourceVersionMatch') ?? '';
  const cont = query.get('continue') ?? '';
  if (cont !== '') opts.continue = cont;
  const sendInitialEvents = queryBool(query, 'sendInitialEvents');
  if (sendInitialEvents !== undefined) opts.sendInitialEvents = sendInitialEvents;
  if (timeoutSeconds.right !== undefined) opts.timeoutSeconds = timeoutSeconds.right;
  if (limit.right !== undefined) opts.limit = limit.right;

  const causes: StatusCause[] = [];
  if (opts.watch) {
    if (sendInitialEvents !== undefined) {
      if (match !== 'NotOlderThan') {
        causes.push(
          forbidden(
            'resourceVersionMatch',
            'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
          ),
        );
      }
      causes.push(
        forbidden(
          'sendInitialEvents',
          'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
        ),
      );
    }
    if (match !== '') {
      if (sendInitialEvents === undefined) {
        causes.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
          ),
        );
      }
      if (match !== 'NotOlderThan')
        causes.push(notSupported('resourceVersionMatch', goQuote(match), ['NotOlderThan']));
      if (cont !== '')
        causes.push(
          forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
        );
    }
  } else {
    if (match !== '') {
      if (!opts.resourceVersion) {
        causes.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch is forbidden unless resourceVersion is provided',
          ),
        );
      }
      if (cont !== '')
        causes.push(
          forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
        );
      if (match !== 'Exact' && match !== 'NotOlderThan') {
        causes.push(notSupported('resourceVersionMatch', goQuote(match), ['Exact', 'NotOlderThan', '']));
      }
      if (match === 'Exact' && opts.resourceVersion === '0') {
        causes.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
          ),
        );
      }
    }
    if (sendInitialEvents !== undefined)
      causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  if (causes.length) return invalidOptions('ListOptions', causes);
  if (match !== '') opts.resourceVersionMatch = match as ResourceVersionMatch;
  if (opts.continue && opts.resourceVersion && opts.resourceVersion !== '0') {
    return E.left(statusErrors.badRequest('specifying resource version is not allowed when using continue'));
  }
  return E.right(opts);
}

export type WriteOperation = 'create' | 'update' | 'patch';

export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  /** Absent means Warn, the API server's default. */
  fieldValidation: FieldValidation;
  /** Apply patches only: take fields owned by other managers. */
  force?: boolean;
}

const OPTIONS_KIND: Record<WriteOperation, string> = {
  create: 'CreateOptions',
  update: 'UpdateOptions',
  patch: 'PatchOptions',
};

const FIELD_VALIDATIONS = ['Ignore', 'Strict', 'Warn'];

function dryRunCauses(values: string[]): StatusCause[] {
  return values.every((v) => v === 'All')
    ? []
    : [notSupported('dryRun', `[]string{${values.map(goQuote).join(', ')}}`, ['All'])];
}

function fieldManagerCauses(manager: string | null): StatusCause[] {
  if (manager === null) return [];
  if (new TextEncoder().encode(manager).length > 128) {
    return [
      {
        reason: 'FieldValueTooLong',
        field: 'fieldManager',
        message: 'Too long: may not be more than 128 bytes',
      },
    ];
  }
  if (/[^\x20-\x7e\u00a0-\uffff]/.test(manager)) {
    return [
      {
        reason: 'FieldValueInvalid',
        field: 'fieldManager',
        message: `Invalid value: ${goQuote(manager)}: must only contain printable characters`,
      },
    ];
  }
  return [];
}

/**
 * Options of a create, update or patch: dryRun, fieldManager, fieldValidation and (patch only) force. Apply
 * patches (`apply: true`) require a fieldManager; other patches may not set force.
 */
export function parseWriteOptions(
  query: URLSearchParams,
  operation: WriteOperation,
  opts: { apply?: boolean } = {},
): E.Either<Status, WriteOptions> {
  const dryRun = query.getAll('dryRun');
  const manager = query.get('fieldManager');
  const validation = query.get('fieldValidation') ?? '';
  const causes = [...dryRunCauses(dryRun), ...fieldManagerCauses(manager)];
  if (!['', ...FIELD_VALIDATIONS].includes(validation)) {
    causes.push(notSupported('fieldValidation', goQuote(validation), ['', ...FIELD_VALIDATIONS]));
  }
  const force = queryBool(query, 'force');
  if (operation === 'patch' && opts.apply && !manager) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'fieldManager',
      message: 'Required value: is required for apply patch',
    });
  }
  if (force !== undefined && !(operation === 'patch' && opts.apply)) {
    causes.push(forbidden('force', 'may not be specified for non-apply patch'));
  }
  if (causes.length) return invalidOptions(OPTIONS_KIND[operation], causes);
  const out: WriteOptions = {
    dryRun: dryRun.length > 0,
    fieldValidation: (validation || 'Warn') as FieldValidation,
  };
  if (manager) out.fieldManager = manager;
  if (force !== undefined) out.force = force;
  return E.right(out);
}

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  dryRun: boolean;
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Deprecated; true means Orphan, false means the kind's default. */
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const POLICIES: readonly PropagationPolicy[] = ['Foreground', 'Background', 'Orphan'];

function bodyTypeError(field: string, value: unknown, goType: string): E.Either<Status, never> {
  return E.left(
    statusErrors.badRequest(
      `json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go struct field DeleteOptions.${field} of type ${goType}`,
    ),
  );
}

/** The raw DeleteOptions fields from a JSON body, type-checked. */
function fromBody(body: Record<string, unknown>): E.Either<Status, Record<string, unknown>> {
  const checks: [string, (v: unknown) => boolean, string][] = [
    ['gracePeriodSeconds', (v) => typeof v === 'number' && Number.isInteger(v), 'int64'],
    ['propagationPolicy', (v) => typeof v === 'string', 'v1.DeletionPropagation'],
    ['orphanDependents', (v) => typeof v === 'boolean', 'bool'],
    ['dryRun', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), '[]string'],
    ['preconditions', (v) => isRecord(v), 'v1.Preconditions'],
  ];
  for (const [field, ok, goType] of checks) {
    const v = body[field];
    if (v !== undefined && v !== null && !ok(v)) return bodyTypeError(field, v, goType);
  }
  return E.right(body);
}

/** The same fields from the query string. */
function fromQuery(query: URLSearchParams): E.Either<Status, Record<string, unknown>> {
  const grace = queryInt(query, 'gracePeriodSeconds');
  if (E.isLeft(grace)) return grace;
  return E.right({
    gracePeriodSeconds: grace.right,
    propagationPolicy: query.get('propagationPolicy') ?? undefined,
    orphanDependents: queryBool(query, 'orphanDependents'),
    dryRun: query.getAll('dryRun'),
  });
}

/**
 * DeleteOptions of a DELETE: from the JSON body when there is one (kubectl sends
 * `{"propagationPolicy":"Background"}`), otherwise from the query string, as the API server reads them.
 */
export function parseDeleteOptions(query: URLSearchParams, body?: unknown): E.Either<Status, DeleteOptions> {
  if (body !== undefined && body !== null && !isRecord(body)) {
    return E.left(statusErrors.badRequest('DeleteOptions must be a JSON object'));
  }
  const raw = body ? fromBody(body) : fromQuery(query);
  if (E.isLeft(raw)) return raw;
  const r = raw.right;
  const dryRun = (r.dryRun as string[] | undefined | null) ?? [];
  const policy = r.propagationPolicy as string | undefined | null;
  const orphan = r.orphanDependents as boolean | undefined | null;
  const causes = dryRunCauses(dryRun);
  if (orphan !== undefined && orphan !== null && policy !== undefined && policy !== null) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'propagationPolicy',
      message: `Invalid value: ${goQuote(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    });
  }
  if (policy !== undefined && policy !== null && !POLICIES.includes(policy as PropagationPolicy)) {
    causes.push(notSupported('propagationPolicy', goQuote(policy), [...POLICIES, 'nil']));
  }
  if (causes.length) return invalidOptions('DeleteOptions', causes);

  const out: DeleteOptions = { dryRun: dryRun.length > 0 };
  if (typeof r.gracePeriodSeconds === 'number') out.gracePeriodSeconds = r.gracePeriodSeconds;
  if (policy) out.propagationPolicy = policy as PropagationPolicy;
  if (typeof orphan === 'boolean') out.orphanDependents = orphan;
  if (isRecord(r.preconditions)) {
    const { uid, resourceVersion } = r.preconditions;
    out.preconditions = {};
    if (typeof uid === 'string') out.preconditions.uid = uid;
    if (typeof resourceVersion === 'string') out.preconditions.resourceVersion = resourceVersion;
  }
  return E.right(out);
}

/**
 * The `timeout` query parameter (a Go duration such as `32s` or `7m35s`) in milliseconds; kubectl sends it on
 * discovery and some watches.
 */
export function parseRequestTimeout(query: URLSearchParams): E.Either<Status, number | undefined> {
  const raw = query.get('timeout');
  if (raw === null || raw === '') return E.right(undefined);
  const ms = parseGoDuration(raw);
  return ms === undefined
    ? E.left(statusErrors.badRequest('invalid timeout specified in the request URL'))
    : E.right(ms);
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration, in milliseconds; undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (text === '0') return 0;
  if (!m) return undefined;
  let total = 0;
  for (const part of text.slice(m[1].length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNITS[part[2]];
  }
  return m[1] === '-' ? -total : total;
}
