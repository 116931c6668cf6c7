// Computing strategic merge patches the way kubectl does (apimachinery strategicpatch): the two-way patch that
// `edit` and `set image` send, and the three-way patch of client-side `apply` (deletions from the last applied
// configuration to the new one, plus changes and additions from the live object to the new one).
import { deepEqual, isRecord, type JsonRecord } from '@kubesim/api';
import { listMeta, retainsKeys } from './patch-meta.js';

const PATCH_DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

interface DiffOptions {
  /** Leave out fields present in the original and absent from the modified object. */
  ignoreDeletions: boolean;
  /** Leave out fields added or changed in the modified object (only deletions are wanted). */
  ignoreChangesAndAdditions: boolean;
}

/** The patch turning `original` into `modified`, deletions included (CreateTwoWayMergePatch). */
export function twoWayMergePatch(original: JsonRecord, modified: JsonRecord): JsonRecord {
  return diffMaps(original, modified, [], { ignoreDeletions: false, ignoreChangesAndAdditions: false });
}

/**
 * CreateThreeWayMergePatch: what the live object (`current`) needs so that it holds `modified`, deleting only
 * what the user removed since `original` (the last applied configuration) and keeping fields others set.
 */
export function threeWayMergePatch(
  original: JsonRecord | undefined,
  modified: JsonRecord,
  current: JsonRecord,
): JsonRecord {
  const delta = diffMaps(current, modified, [], { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original ?? {}, modified, [], {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
  });
  return mergePatches(deletions, delta, []);
}

function diffMaps(original: JsonRecord, modified: JsonRecord, path: string[], opts: DiffOptions): JsonRecord {
  const patch: JsonRecord = {};
  for (const [key, value] of Object.entries(modified)) {
    if (value === undefined) continue;
    const before = original[key];
    const at = [...path, key];
    if (before === undefined) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = value;
    } else if (isRecord(before) && isRecord(value)) {
      const sub = diffMaps(before, value, at, opts);
      if (Object.keys(sub).length > 0) patch[key] = withRetainKeys(sub, value, at);
    } else if (Array.isArray(before) && Array.isArray(value)) {
      diffLists(patch, key, before, value, at, opts);
    } else if (!deepEqual(before, value) && !opts.ignoreChangesAndAdditions) {
      patch[key] = value;
    }
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (original[key] !== undefined && modified[key] === undefined) patch[key] = null;
    }
  }
  return patch;
}

function withRetainKeys(patch: JsonRecord, modified: JsonRecord, path: string[]): JsonRecord {
  return retainsKeys(path) ? { ...patch, [RETAIN_KEYS]: Object.keys(modified).sort() } : patch;
}

function diffLists(
  patch: JsonRecord,
  key: string,
  original: unknown[],
  modified: unknown[],
  path: string[],
  opts: DiffOptions,
): void {
  const meta = listMeta(path);
  if (!meta) {
    // A list without a merge strategy is replaced whole.
    if (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  if (meta.mergeKey === undefined) {
    const { additions, deletions } = diffScalarSets(original, modified, opts);
    if (additions.length > 0) patch[key] = additions;
    if (deletions.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}${key}`] = deletions;
    const changed =
      (!opts.ignoreDeletions && deletions.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified));
    if (changed) patch[`${SET_ELEMENT_ORDER}${key}`] = modified;
    return;
  }
  const mergeKey = meta.mergeKey;
  const changes = diffKeyedLists(original, modified, mergeKey, path, opts);
  if (changes.length > 0) patch[key] = changes;
  const sameOrder = deepEqual(
    original.map((o) => keyOf(o, mergeKey)),
    modified.map((m) => keyOf(m, mergeKey)),
  );
  // Kubernetes sends the element order whenever the list's content or order changes.
  if (
    (!opts.ignoreChangesAndAdditions && (changes.length > 0 || !sameOrder)) ||
    (!opts.ignoreDeletions && changes.length > 0)
  ) {
    patch[`${SET_ELEMENT_ORDER}${key}`] = modified.map((m) => ({ [mergeKey]: keyOf(m, mergeKey) }));
  }
}

function diffScalarSets(original: unknown[], modified: unknown[], opts: DiffOptions) {
  const has = (list: unknown[], v: unknown) => list.some((x) => deepEqual(x, v));
  return {
    additions: opts.ignoreChangesAndAdditions ? [] : modified.filter((v) => !has(original, v)),
    deletions: opts.ignoreDeletions ? [] : original.filter((v) => !has(modified, v)),
  };
}

/** Changed and added elements in the modified list's order, then `$patch: delete` markers for removed ones. */
function diffKeyedLists(
  original: unknown[],
  modified: unknown[],
  mergeKey: string,
  path: string[],
  opts: DiffOptions,
) {
  const changes: unknown[] = [];
  for (const item of modified) {
    const before = original.find((o) => deepEqual(keyOf(o, mergeKey), keyOf(item, mergeKey)));
    if (before === undefined) {
      if (!opts.ignoreChangesAndAdditions) changes.push(item);
    } else if (isRecord(before) && isRecord(item)) {
      const sub = diffMaps(before, item, path, opts);
      if (Object.keys(sub).length > 0)
        changes.push({ ...withRetainKeys(sub, item, path), [mergeKey]: item[mergeKey] });
    }
  }
  if (!opts.ignoreDeletions) {
    for (const item of original) {
      if (!modified.some((m) => deepEqual(keyOf(m, mergeKey), keyOf(item, mergeKey)))) {
        changes.push({ [mergeKey]: keyOf(item, mergeKey), [PATCH_DIRECTIVE]: 'delete' });
      }
    }
  }
  return changes;
}

function keyOf(item: unknown, mergeKey: string): unknown {
  return isRecord(item) ? item[mergeKey] : undefined;
}

// Applies one patch onto another (the deletions onto which the three-way merge lays its delta): maps merge,
// keyed lists merge by key, anything else is taken from the later patch.
function mergePatches(base: JsonRecord, overlay: JsonRecord, path: string[]): JsonRecord {
  const out: JsonRecord = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const before = out[key];
    if (isRecord(before) && isRecord(value)) out[key] = mergePatches(before, value, [...path, key]);
    else if (Array.isArray(before) && Array.isArray(value) && !key.startsWith('$'))
      out[key] = mergeKeyedElements(before, value, listMeta([...path, key])?.mergeKey);
    else out[key] = value;
  }
  return out;
}

function mergeKeyedElements(base: unknown[], overlay: unknown[], mergeKey: string | undefined): unknown[] {
  if (mergeKey === undefined) return [...base, ...overlay.filter((v) => !base.some((b) => deepEqual(b, v)))];
  const out = [...base];
  for (const item of overlay) {
    const i = out.findIndex((o) => deepEqual(keyOf(o, mergeKey), keyOf(item, mergeKey)));
    if (i < 0) out.push(item);
    else if (isRecord(out[i]) && isRecord(item)) out[i] = { ...(out[i] as JsonRecord), ...item };
  }
  return out;
}
