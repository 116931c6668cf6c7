// Lists as the store keeps them: each object's JSON text, parsed only when something must look inside it. The
// stored JSON is canonical (packages/store serialize.ts): apiVersion, kind, then metadata in Kubernetes' order,
// starting with name, generateName and namespace, and with only strings before resourceVersion. So an object's
// key is read off the start of its text, and its labels off the head of metadata, at a fraction of the cost of
// parsing it.
import { type KubeObject, keyOf, type Labels, objectKey } from '@kubesim/api';
import type { ListOptions } from '../negotiation/index.js';

/** One listed object: its key (namespace/name), its stored JSON, and the object once something parsed it (or
 *  only the object, for lists that parse every object anyway). */
export type Listed =
  | { key: string; json: string; object?: KubeObject }
  | { key: string; json?: undefined; object: KubeObject };

/** Name and namespace of canonical JSON without escapes; never skipping a generateName or namespace it could
 *  not read (that text parses in full instead). */
const KEY =
  /^\{"apiVersion":"[^"\\]*","kind":"[^"\\]*","metadata":\{"name":"([^"\\]*)"(?:,"generateName":"[^"\\]*")?(?:,"namespace":"([^"\\]*)")?(?!,"(?:generateName|namespace)")/;

export function listed(json: string): Listed {
  const key = KEY.exec(json);
  if (key) return { key: objectKey(key[2], key[1]), json };
  const object = JSON.parse(json) as KubeObject;
  return { key: keyOf(object), json, object };
}

/** For lists that parse every object anyway: parsed as the store reads each page, so no text outlives it. */
export function listedParsed(json: string): Listed {
  const object = JSON.parse(json) as KubeObject;
  return { key: keyOf(object), object };
}

export function parsed(item: Listed): KubeObject {
  if (item.json === undefined) return item.object;
  item.object ??= JSON.parse(item.json) as KubeObject;
  return item.object;
}

/** The object, without keeping it on the item: a page of a kept list must not make the whole list parsed. */
export function objectOf(item: Listed): KubeObject {
  return item.json === undefined ? item.object : (item.object ?? (JSON.parse(item.json) as KubeObject));
}

/** The object's JSON as stored, which is what JSON.stringify makes of it. */
export function jsonOf(item: Listed): string {
  return item.json ?? JSON.stringify(item.object);
}

/** Only strings precede resourceVersion, so its first occurrence is metadata's own; digits follow it. */
const RESOURCE_VERSION = ',"resourceVersion":"';
/** The scalar metadata fields between resourceVersion and labels, in their canonical order. */
const BEFORE_LABELS =
  /(?:,"generation":-?\d+)?(?:,"creationTimestamp":"[^"\\]*")?(?:,"deletionTimestamp":"[^"\\]*")?(?:,"deletionGracePeriodSeconds":-?\d+)?/y;
const UNSKIPPED = /,"(?:generation|creationTimestamp|deletionTimestamp|deletionGracePeriodSeconds)"/y;
/** Label keys and values never hold a brace; were one quoted there, the slice would end inside a string and the
 *  head would not parse. */
const LABELS = /,"labels":\{[^}]*\}/y;

interface Head {
  metadata?: { resourceVersion?: unknown; labels?: Labels };
}

/** The labels, from the JSON of metadata up to them when that is laid out canonically. */
function labelsOf(item: Listed): Labels {
  if (item.json === undefined || item.object) return parsed(item).metadata.labels;
  const { json } = item;
  const rv = json.indexOf(RESOURCE_VERSION);
  const rvEnd = rv < 0 ? 0 : json.indexOf('"', rv + RESOURCE_VERSION.length) + 1;
  if (rvEnd > 0) {
    BEFORE_LABELS.lastIndex = rvEnd;
    BEFORE_LABELS.exec(json);
    let end = BEFORE_LABELS.lastIndex;
    UNSKIPPED.lastIndex = end;
    LABELS.lastIndex = end;
    if (!UNSKIPPED.test(json)) {
      if (LABELS.test(json)) end = LABELS.lastIndex;
      const head = parsedOrUndefined(`${json.slice(0, end)}}}`);
      // Without its own resourceVersion, the one found was some nested reference's: not the head after all.
      if (typeof head?.metadata?.resourceVersion === 'string') return head.metadata.labels;
    }
  }
  return parsed(item).metadata.labels;
}

function parsedOrUndefined(json: string): Head | undefined {
  try {
    return JSON.parse(json) as Head;
  } catch {
    return undefined;
  }
}

/** Field selectors on these fields read the key alone. */
const KEY_FIELDS = new Set(['metadata.name', 'metadata.namespace']);

/** The items the list's selectors match; only field selectors on fields outside the key parse objects. */
export function selected(items: Listed[], opts: ListOptions): Listed[] {
  const { labelSelector, fieldSelector } = opts;
  const byLabels = labelSelector.isEmpty() ? items : items.filter((i) => labelSelector.matches(labelsOf(i)));
  if (fieldSelector.isEmpty()) return byLabels;
  const onKey = fieldSelector.requirements.every((r) => KEY_FIELDS.has(r.field));
  return byLabels.filter((i) => fieldSelector.matches(onKey ? keyFields(i.key) : parsed(i)));
}

/** What a field selector reads of an object with this key. */
function keyFields(key: string): { metadata: { name: string; namespace?: string } } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { metadata: { name: key } }
    : { metadata: { namespace: key.slice(0, slash), name: key.slice(slash + 1) } };
}
