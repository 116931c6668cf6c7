// The validation algebra: a Check is fp-ts Either whose left side collects every FieldError (applicative
// validation over the NonEmptyArray semigroup), plus shape-safe accessors so wrong JSON types become causes
// instead of TypeErrors.
import * as A from 'fp-ts/Array';
import * as E from 'fp-ts/Either';
import type * as NEA from 'fp-ts/NonEmptyArray';
import { isRecord, type JsonRecord } from '../json.js';
import { type FieldError, fieldErrors } from './field-error.js';
import type { FieldPath } from './path.js';

export type Check = E.Either<NEA.NonEmptyArray<FieldError>, void>;

export const ok: Check = E.right(undefined);

export function fail(first: FieldError, ...rest: FieldError[]): Check {
  return E.left([first, ...rest]);
}

/** Fails with every error given, or passes when the list is empty (bridges lists of Go-style messages). */
export function failAll(errors: FieldError[]): Check {
  return A.isNonEmpty(errors) ? E.left(errors) : ok;
}

/** Adds a failed check's errors to `errors`, which is created on the first failure (passing allocates nothing). */
function gather(errors: FieldError[] | undefined, c: Check): FieldError[] | undefined {
  if (E.isRight(c)) return errors;
  const out = errors ?? [];
  for (const e of c.left) out.push(e);
  return out;
}

const gathered = (errors: FieldError[] | undefined): Check =>
  errors ? E.left(errors as NEA.NonEmptyArray<FieldError>) : ok;

/** Runs every check and keeps all their errors, in order: the applicative validation of the NonEmptyArray
 *  semigroup, folded in one pass (this runs on every store write, so it avoids per-step array copies). */
export function all(...checks: Check[]): Check {
  let errors: FieldError[] | undefined;
  for (const c of checks) errors = gather(errors, c);
  return gathered(errors);
}

/** all() over a list, without building the list of checks first. */
export function each<T>(items: readonly T[], f: (item: T, i: number) => Check): Check {
  let errors: FieldError[] | undefined;
  for (let i = 0; i < items.length; i++) errors = gather(errors, f(items[i], i));
  return gathered(errors);
}

// --- shape-safe access -------------------------------------------------------------------------------------

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function isAbsent(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

export function isInt32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
}

export function isInt64(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

const typeError = (path: FieldPath, v: unknown, type: string) =>
  fail(fieldErrors.invalid(path, v, `must be of type ${type}`));

// The `f` of the opt* helpers is optional rather than defaulted: a default arrow would be a new closure per call.

/** Applies f to a string field; absent passes, another type fails. */
export function optString(v: unknown, path: FieldPath, f?: (s: string) => Check): Check {
  if (isAbsent(v)) return ok;
  if (typeof v !== 'string') return typeError(path, v, 'string');
  return f ? f(v) : ok;
}

export function optInt32(v: unknown, path: FieldPath, f?: (n: number) => Check): Check {
  if (isAbsent(v)) return ok;
  if (!isInt32(v)) return typeError(path, v, 'int32');
  return f ? f(v) : ok;
}

export function optInt64(v: unknown, path: FieldPath, f?: (n: number) => Check): Check {
  if (isAbsent(v)) return ok;
  if (!isInt64(v)) return typeError(path, v, 'int64');
  return f ? f(v) : ok;
}

export function optBool(v: unknown, path: FieldPath): Check {
  return isAbsent(v) || typeof v === 'boolean' ? ok : typeError(path, v, 'boolean');
}

export function optRecord(v: unknown, path: FieldPath, f?: (r: JsonRecord) => Check): Check {
  if (isAbsent(v)) return ok;
  if (!isRecord(v)) return typeError(path, v, 'object');
  return f ? f(v) : ok;
}

export function optArray(v: unknown, path: FieldPath, f?: (a: unknown[]) => Check): Check {
  if (isAbsent(v)) return ok;
  if (!Array.isArray(v)) return typeError(path, v, 'array');
  return f ? f(v) : ok;
}

/** A map of string to string (labels, annotations, nodeSelector, ConfigMap data). */
export function optStringMap(v: unknown, path: FieldPath, f?: (m: Record<string, string>) => Check): Check {
  if (isAbsent(v)) return ok;
  if (!isRecord(v)) return typeError(path, v, 'object');
  const keys = Object.keys(v);
  if (!keys.every((k) => typeof v[k] === 'string')) {
    return each(
      keys.filter((k) => typeof v[k] !== 'string'),
      (k) => typeError(path.key(k), v[k], 'string'),
    );
  }
  return f ? f(v as Record<string, string>) : ok;
}

/** A required string: absent or empty gives "Required value". */
export function reqString(v: unknown, path: FieldPath, f?: (s: string) => Check, detail = ''): Check {
  if (isAbsent(v) || v === '') return fail(fieldErrors.required(path, detail));
  return optString(v, path, f);
}

/** A string that must be one of a fixed set, printed as Kubernetes' NotSupported. */
export function oneOf(v: unknown, path: FieldPath, supported: readonly string[], required = false): Check {
  if (required && (isAbsent(v) || v === '')) return fail(fieldErrors.required(path));
  return optString(v, path, (s) =>
    supported.includes(s) || (!required && s === '')
      ? ok
      : fail(fieldErrors.notSupported(path, s, supported)),
  );
}

/** Turns Go-style message lists (IsDNS1123Label and friends) into Invalid errors at one path. */
export function messages(path: FieldPath, value: unknown, msgs: string[]): Check {
  return msgs.length === 0 ? ok : failAll(msgs.map((m) => fieldErrors.invalid(path, value, m)));
}

export function nonNegative(path: FieldPath, n: number): Check {
  return n < 0 ? fail(fieldErrors.invalid(path, n, 'must be greater than or equal to 0')) : ok;
}
