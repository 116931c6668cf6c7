// The encoding of an informer snapshot. Cached objects share their common parts (structural sharing: the pods
// of one ReplicaSet hold one instance of their containers, tolerations, labels...), and the snapshot keeps that
// sharing instead of writing every pod out in full: each part held by more than one object is written once, in
// a table, and referenced from everywhere it occurs. A pod then costs a few hundred bytes of its own fields, and
// decoding one is a small JSON.parse plus a walk of those few hundred bytes, several times cheaper than parsing
// the whole object: that is what lets a restarted informer serve again well within a second per 100k objects.
//
// Format: chunk 0 is a JSON array, the table of shared parts, each one defined before any part that refers to
// it; every further chunk is a JSON array of objects. A reference is a string holding REF followed by the
// part's table index in base 36; a real string that starts with REF is written with a second REF in front.

/** U+0001 never starts a real string in practice, so escaping costs nothing but the check. */
const REF = '\u0001';
const REF_CODE = 1;
/** Objects per chunk: each chunk is one Redis list element, a few hundred KB. */
export const OBJECTS_PER_CHUNK = 2000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Encodes objects (frozen and shared, as an informer caches them) in chunks, to be decoded by decodeSnapshot.
 * Yields between chunks so a caller can let other work run: the objects must not change meanwhile, which holds
 * for an informer's cache, whose objects are replaced, never modified.
 */
export function* encodeSnapshot(objects: readonly object[]): Generator<string> {
  const shared = sharedParts(objects);
  const ids = new Map<object, string>();
  const table: Json[] = [];
  for (const part of shared) {
    table.push(encodeValue(part, ids, part));
    ids.set(part, REF + (table.length - 1).toString(36));
  }
  yield JSON.stringify(table);
  for (let from = 0; from < objects.length; from += OBJECTS_PER_CHUNK) {
    const chunk = objects.slice(from, from + OBJECTS_PER_CHUNK).map((o) => encodeValue(o, ids, o));
    yield JSON.stringify(chunk);
  }
}

/** The objects encoded by encodeSnapshot, deeply frozen, sharing what the encoded objects shared. */
export function* decodeSnapshot<T>(chunks: readonly string[]): Generator<T[]> {
  if (chunks.length === 0) throw new Error('an informer snapshot has at least its table chunk');
  const table = JSON.parse(chunks[0]) as unknown[];
  if (!Array.isArray(table)) throw new Error('the snapshot table is not an array');
  for (let i = 0; i < table.length; i++) table[i] = resolve(table[i], table, i);
  for (let c = 1; c < chunks.length; c++) {
    const objects = JSON.parse(chunks[c]) as unknown[];
    if (!Array.isArray(objects)) throw new Error(`snapshot chunk ${c} is not an array`);
    for (let i = 0; i < objects.length; i++) objects[i] = resolve(objects[i], table, table.length);
    yield objects as T[];
  }
}

/**
 * The parts (objects and arrays) that occur more than once across `objects`, each after every shared part
 * inside it. A part met again is not walked again, so the walk costs what the objects hold of their own.
 */
function sharedParts(objects: readonly object[]): object[] {
  const seen = new Map<object, number>();
  const count = (v: object) => {
    for (const k in v) {
      const c = (v as Record<string, unknown>)[k];
      if (c === null || typeof c !== 'object') continue;
      const n = seen.get(c);
      if (n === undefined) {
        seen.set(c, 1);
        count(c);
      } else {
        seen.set(c, n + 1);
      }
    }
  };
  for (const o of objects) count(o);
  const ordered: object[] = [];
  const placed = new Set<object>();
  const place = (v: object) => {
    for (const k in v) {
      const c = (v as Record<string, unknown>)[k];
      if (c === null || typeof c !== 'object' || placed.has(c)) continue;
      placed.add(c);
      place(c);
      if ((seen.get(c) ?? 0) > 1) ordered.push(c);
    }
  };
  for (const o of objects) place(o);
  return ordered;
}

/** `v` as JSON, with the shared parts in `ids` (other than `self`, the part being defined) as references. */
function encodeValue(v: unknown, ids: ReadonlyMap<object, string>, self: object): Json {
  if (typeof v === 'string') return v.charCodeAt(0) === REF_CODE ? REF + v : v;
  if (v === null || typeof v !== 'object') return v as Json;
  if (v !== self) {
    const id = ids.get(v);
    if (id !== undefined) return id;
  }
  if (Array.isArray(v)) return v.map((item) => encodeValue(item, ids, self));
  // No prototype: a key named __proto__ (a ConfigMap may have one) is then a plain property.
  const out: Record<string, Json> = Object.create(null);
  for (const k in v) out[k] = encodeValue((v as Record<string, unknown>)[k], ids, self);
  return out;
}

/** Replaces references in a parsed value (in place) and freezes it; `defined` is how many table parts exist. */
function resolve(v: unknown, table: readonly unknown[], defined: number): unknown {
  if (typeof v === 'string') {
    if (v.charCodeAt(0) !== REF_CODE) return v;
    if (v.charCodeAt(1) === REF_CODE) return v.slice(1);
    const id = Number.parseInt(v.slice(1), 36);
    if (!(id >= 0 && id < defined)) throw new Error(`snapshot reference ${JSON.stringify(v)} is undefined`);
    return table[id];
  }
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const c = o[k];
    if (typeof c === 'string' ? c.charCodeAt(0) === REF_CODE : c !== null && typeof c === 'object')
      o[k] = resolve(c, table, defined);
  }
  return Object.freeze(v);
}
