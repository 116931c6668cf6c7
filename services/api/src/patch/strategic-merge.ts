// Strategic merge patch, as the API server applies it (k8s.io/apimachinery strategicpatch, server side):
// maps merge key by key and `null` deletes a key; lists declared `merge` in the schema merge by their merge key
// (or as sets for scalars) and every other list is replaced; the directives `$patch: replace|delete|merge`,
// `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>` and `$retainKeys` are honoured.
//
// One deliberate difference: a patch value that lands where the original has nothing is applied to an empty
// value instead of being copied verbatim, so directives never leak into stored objects (the real server relies
// on its typed decoding to drop them).
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import type { TypeRef } from '../openapi/schema/index.js';
import { clone, goFormat, isObject, type JsonObject } from './json.js';
import { fieldMeta, itemType, type PatchMeta } from './patch-meta.js';
import { patchRejected } from './rejection.js';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

/** Carries a Status out of the recursion; caught at the entry point, never escapes this module. */
class PatchFailure extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

const badRequest = (message: string) => new PatchFailure(statusErrors.badRequest(message));
const rejected = (message: string) => new PatchFailure(patchRejected(message));

const noMergeKey = (m: unknown, key: string) =>
  rejected(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);

/**
 * Applies `patch` to `original` (neither is modified). `type` is the schema type of the whole object, e.g. from
 * rootTypeOf(kind); without it maps still merge and every list is replaced.
 */
export function strategicMerge(
  original: JsonObject,
  patch: JsonObject,
  type: TypeRef | undefined,
): E.Either<Status, JsonObject> {
  try {
    return E.right(mergeMap(clone(original), clone(patch), type));
  } catch (err) {
    if (err instanceof PatchFailure) return E.left(err.status);
    throw err;
  }
}

function mergeMap(original: JsonObject, patch: JsonObject, type: TypeRef | undefined): JsonObject {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    delete patch[DIRECTIVE];
    if (directive === 'replace') return mergeMap({}, patch, type);
    if (directive === 'delete') return {};
    if (directive !== 'merge')
      throw badRequest(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
  }
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, type);

  for (const [rawKey, value] of Object.entries(patch)) {
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      deleteFromPrimitiveList(original, rawKey, value);
      continue;
    }
    // Unknown directives are not fields; the real server drops them when decoding into typed objects.
    if (rawKey.startsWith('$')) continue;
    if (value === null) {
      delete original[rawKey];
      continue;
    }
    const meta = fieldMeta(type, rawKey);
    const current = original[rawKey];
    original[rawKey] =
      current === undefined || shapeOf(current) !== shapeOf(value)
        ? fresh(value, meta)
        : mergeValue(current, value, meta);
  }
  return original;
}

type Shape = 'object' | 'list' | 'scalar';

function shapeOf(v: unknown): Shape {
  return Array.isArray(v) ? 'list' : isObject(v) ? 'object' : 'scalar';
}

/** Merges two values of the same shape. */
function mergeValue(current: unknown, value: unknown, meta: PatchMeta): unknown {
  if (isObject(current)) return mergeMap(current, value as JsonObject, meta.type);
  if (Array.isArray(current)) {
    return meta.strategies.includes('merge')
      ? mergeList(current, value as unknown[], itemType(meta.type), meta.mergeKey)
      : fresh(value, meta);
  }
  return value;
}

/** A patch value with nothing to merge into: the patch applied to an empty value of its shape. */
function fresh(value: unknown, meta: PatchMeta): unknown {
  if (isObject(value)) return mergeMap({}, value, meta.type);
  if (Array.isArray(value)) {
    if (meta.strategies.includes('merge')) return mergeList([], value, itemType(meta.type), meta.mergeKey);
    const item: PatchMeta = { strategies: [], type: itemType(meta.type) };
    return value.map((v) => (isObject(v) || Array.isArray(v) ? fresh(v, item) : v));
  }
  return value;
}

function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retained = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retained)) throw badRequest('invalid patch format of retainKeys');
  const keep = new Set(retained);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function deleteFromPrimitiveList(original: JsonObject, rawKey: string, value: unknown): void {
  const key = rawKey.slice(DELETE_FROM_PRIMITIVE_LIST.length);
  if (key === '' || !Array.isArray(value)) throw badRequest('invalid patch format of primitive list');
  const current = original[key];
  if (!Array.isArray(current)) return;
  original[key] = current.filter((v) => !value.includes(v));
}

/**
 * `$setElementOrder/<list>` gives the final order of the items the patch talks about; items only the server has
 * keep their relative order and are interleaved where they were. The list itself is merged here too.
 */
function applySetElementOrders(original: JsonObject, patch: JsonObject, type: TypeRef | undefined): void {
  for (const [directiveKey, order] of Object.entries(patch)) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER)) continue;
    delete patch[directiveKey];
    const key = directiveKey.slice(SET_ELEMENT_ORDER.length);
    if (key === '' || !Array.isArray(order)) throw badRequest('invalid patch format of setElementOrder list');
    const meta = fieldMeta(type, key);
    const originalList = original[key];
    const patchList = patch[key];
    if (originalList !== undefined && !Array.isArray(originalList)) continue;
    if (patchList !== undefined && patchList !== null && !Array.isArray(patchList)) continue;
    if (Array.isArray(patchList)) validateSetElementOrder(patchList, order, meta.mergeKey);
    let merged: unknown[];
    if (Array.isArray(originalList) && Array.isArray(patchList))
      merged = mergeValue(originalList, patchList, meta) as unknown[];
    else if (Array.isArray(patchList)) merged = fresh(patchList, meta) as unknown[];
    else if (Array.isArray(originalList)) merged = originalList;
    else continue;
    delete patch[key];
    const [inOrder, serverOnly] = partition(merged, order, meta.mergeKey);
    original[key] = normalizeOrder(inOrder, serverOnly, order, originalList ?? [], meta.mergeKey);
  }
}

/** The relative order of the patch items (deletions aside) must agree with the $setElementOrder list. */
function validateSetElementOrder(patchList: unknown[], order: unknown[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !(isObject(v) && v[DIRECTIVE] === 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isObject(items[p]) && DIRECTIVE in (items[p] as JsonObject)) {
      p++;
      continue;
    }
    if (identityOf(items[p], mergeKey) === identityOf(order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw badRequest(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`,
    );
  }
}

/** What identifies a list item: its merge key value for lists of objects, the value itself for scalars. */
function identityOf(item: unknown, mergeKey: string | undefined): unknown {
  if (!mergeKey) return item;
  if (!isObject(item)) throw rejected(`expected a map, but received a ${shapeOf(item)}`);
  if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
  return item[mergeKey];
}

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string | undefined): number {
  const id = identityOf(item, mergeKey);
  return list.findIndex((v) => identityOf(v, mergeKey) === id);
}

/** Splits items into those present in `by` and the rest, keeping their order. */
function partition(items: unknown[], by: unknown[], mergeKey: string | undefined): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const v of items) (indexIn(by, v, mergeKey) >= 0 ? present : absent).push(v);
  return [present, absent];
}

/**
 * Orders the patch items as `patchOrder` says and the server-only items as `serverOrder` says, then interleaves
 * them: a server-only item goes first only when both are known to the server and it came first there.
 */
function normalizeOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string | undefined,
): unknown[] {
  const sortBy = (items: unknown[], order: unknown[]) =>
    items
      .map((v, i) => ({ v, i, at: indexIn(order, v, mergeKey) }))
      .sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : 0) || a.i - b.i)
      .map(({ v }) => v);
  const left = sortBy(serverOnly, serverOrder);
  const right = sortBy(patchItems, patchOrder);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}

/** Merges a list whose schema strategy is `merge`. */
function mergeList(
  original: unknown[],
  patch: unknown[],
  item: TypeRef | undefined,
  mergeKey: string | undefined,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const shape = commonShape([...original, ...patch]);
  if (shape === 'scalar') {
    const merged = dedupe([...original, ...patch]);
    const [inPatch, serverOnly] = partition(merged, patch, undefined);
    return normalizeOrder(inPatch, serverOnly, patch, original, undefined);
  }
  if (!mergeKey) throw rejected('cannot merge lists without merge key for type map');
  const [remaining, patchItems] = applyListDirectives(original, patch, mergeKey);
  const itemMeta: PatchMeta = { strategies: [], type: item };
  const merged = [...remaining];
  for (const p of patchItems as JsonObject[]) {
    const at = indexIn(merged, p, mergeKey);
    merged[at >= 0 ? at : merged.length] =
      at >= 0 ? mergeMap(merged[at] as JsonObject, p, item) : fresh(p, itemMeta);
  }
  const [inPatch, serverOnly] = partition(merged, patchItems, mergeKey);
  return normalizeOrder(inPatch, serverOnly, patchItems, remaining, mergeKey);
}

/** All elements of a list must share one shape, and lists of lists are not supported. */
function commonShape(items: unknown[]): Shape {
  const shapes = new Set(items.map(shapeOf));
  if (shapes.has('list')) throw rejected('lists of lists are not supported');
  if (shapes.size > 1) throw badRequest(`list element types are not identical: ${goFormat(items)}`);
  return shapes.values().next().value as Shape;
}

function dedupe(items: unknown[]): unknown[] {
  return items.filter((v, i) => items.indexOf(v) === i);
}

/**
 * Handles list items carrying `$patch`: `delete` removes the matching original items, `replace` makes the other
 * patch items the whole list. Returns the original items that remain and the plain patch items to merge.
 */
function applyListDirectives(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): [unknown[], unknown[]] {
  let remaining = original;
  const plain: unknown[] = [];
  let replace = false;
  for (const p of patch as JsonObject[]) {
    if (!(DIRECTIVE in p)) {
      plain.push(p);
      continue;
    }
    switch (p[DIRECTIVE]) {
      case 'delete': {
        if (!(mergeKey in p)) throw noMergeKey(p, mergeKey);
        remaining = remaining.filter((o) => identityOf(o, mergeKey) !== p[mergeKey]);
        break;
      }
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw badRequest('merging lists cannot yet be specified in the patch');
      default:
        throw badRequest(`unknown patch type: ${goFormat(p[DIRECTIVE])} in map: ${goFormat(p)}`);
    }
  }
  return replace ? [[], plain] : [remaining, plain];
}
