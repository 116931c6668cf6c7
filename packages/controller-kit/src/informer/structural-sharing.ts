// Structural sharing for cached objects. A freshly parsed object is compared, field by field, with a
// reference object already in the cache (its own previous version, or the last object stamped from the same
// owner): every sub-object and string equal to the reference's is replaced by the reference's instance. Pods
// of one ReplicaSet then share their containers, tolerations, owner references, labels and conditions, and an
// update shares everything it did not change, which keeps a cached pod well under 2 KB without any table to
// grow or clean. Strings repeated inside one object (the five conditions' lastTransitionTime) are shared too.
// Everything returned is deeply frozen: the cache hands the same instances to every reader.

/**
 * Returns `fresh` deeply frozen, with every part equal to the same part of `reference` replaced by the
 * reference's instance (the reference itself when they are equal throughout). Takes ownership of `fresh`:
 * its unfrozen parts are modified in place. `reference` must itself be a value this function returned.
 */
export function shareWith<T>(fresh: T, reference: unknown): T {
  strings.clear();
  return child(fresh, reference) as T;
}

/** Freezes `v` and everything inside it. */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return Object.freeze(v);
}

// Strings met so far in the object being shared. Short ones only: long strings are digests and ids, unique.
const strings = new Map<string, string>();
const MAX_POOLED_LENGTH = 64;

function pooled(s: string): string {
  if (s.length > MAX_POOLED_LENGTH) return s;
  const known = strings.get(s);
  if (known !== undefined) return known;
  strings.set(s, s);
  return s;
}

/** The shared form of one value under the reference's value at the same place. Leaves are handled here rather
 *  than in a call of their own: most of an object is leaves. */
function child(fresh: unknown, ref: unknown): unknown {
  if (fresh === ref) return ref; // equal primitives: keep the reference's string instance
  if (typeof fresh === 'string') return pooled(fresh);
  if (fresh === null || typeof fresh !== 'object') return fresh;
  return share(fresh, ref);
}

// Children are always written back: two equal strings are === yet distinct instances, and the point is to keep
// only one of them.
function share(fresh: object, ref: unknown): unknown {
  if (Object.isFrozen(fresh)) return fresh;
  if (Array.isArray(fresh)) {
    const r = Array.isArray(ref) ? (ref as unknown[]) : undefined;
    let same = r !== undefined && fresh.length === r.length;
    for (let i = 0; i < fresh.length; i++) {
      const refItem = r?.[i];
      const c = child(fresh[i], refItem);
      fresh[i] = c;
      if (c !== refItem) same = false;
    }
    return same ? ref : Object.freeze(fresh);
  }
  const f = fresh as Record<string, unknown>;
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) {
    // Nothing to share with: only freeze, and pool the strings.
    for (const k in f) f[k] = child(f[k], undefined);
    return Object.freeze(fresh);
  }
  const r = ref as Record<string, unknown>;
  let same = true;
  let unmatched = 0;
  for (const k in f) {
    unmatched++;
    const refField = r[k];
    const c = child(f[k], refField);
    f[k] = c;
    if (c !== refField) same = false;
  }
  if (same) {
    for (const _ in r) unmatched--;
    same = unmatched === 0;
  }
  return same ? ref : Object.freeze(fresh);
}
