// Plain-JSON helpers shared by defaulting, validation and hashing: type guards, deep copy and deep equality.

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copies plain JSON data; anything that is not an array or a plain object is shared (primitives are immutable). */
export function deepCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCopy(value[i]);
    return out as T;
  }
  const from = value as JsonRecord;
  const out: JsonRecord = {};
  for (const k of Object.keys(from)) {
    // Assigning "__proto__" would set the prototype instead of copying the member (a valid ConfigMap key).
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: deepCopy(from[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = deepCopy(from[k]);
  }
  return out as T;
}

/** Structural equality of JSON data; key order does not matter, array order does, undefined members count as
 *  absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return recordsEqual(a as JsonRecord, b as JsonRecord, undefined);
}

/** deepEqual of two records that ignores the members named in `ignored`, on both sides. */
export function deepEqualExcept(a: JsonRecord, b: JsonRecord, ignored: ReadonlySet<string>): boolean {
  return recordsEqual(a, b, ignored);
}

function recordsEqual(a: JsonRecord, b: JsonRecord, ignored: ReadonlySet<string> | undefined): boolean {
  let defined = 0;
  for (const k of Object.keys(a)) {
    if (a[k] === undefined || ignored?.has(k)) continue;
    defined++;
    if (!Object.hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
  }
  for (const k of Object.keys(b)) if (b[k] !== undefined && !ignored?.has(k)) defined--;
  return defined === 0;
}
