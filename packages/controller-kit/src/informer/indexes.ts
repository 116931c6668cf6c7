// The indexes every informer cache keeps (besides namespace, which is the cache's own structure), and the
// helpers to read the same values off an object, so a lookup and the index always agree.
import type { KubeObject, OwnerReference } from '@kubesim/api';

/** Computes the index values of an object; an object may sit under several values or none. */
export type IndexFunc = (obj: KubeObject) => readonly string[];

export const NAMESPACE_INDEX = 'namespace';
/** Values are `key=value` for every label. */
export const LABEL_INDEX = 'label';
/** Values are the uid of the object's controller (the ownerReference with controller: true). */
export const CONTROLLER_INDEX = 'controller';
/** Values are spec.nodeName (pods bound to a node). */
export const NODE_INDEX = 'node';

const none: readonly string[] = Object.freeze([]);

export function labelIndexValue(key: string, value: string): string {
  return `${key}=${value}`;
}

/** The ownerReference with controller: true, if any (an object has at most one). */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Index values of frozen (hence shared) parts, computed once per part: the pods of one ReplicaSet share one
 *  labels object and one ownerReferences array, so a list of 100k pods computes them a hundred times, not 100k. */
const labelValuesOf = new WeakMap<object, readonly string[]>();
const controllerValuesOf = new WeakMap<object, readonly string[]>();

function labelValues(labels: Readonly<Record<string, string>>): readonly string[] {
  const out: string[] = [];
  for (const k in labels) out.push(labelIndexValue(k, labels[k]));
  return out;
}

function controllerValues(obj: KubeObject): readonly string[] {
  const uid = controllerRef(obj)?.uid;
  return uid ? [uid] : none;
}

/** `compute(part)`, remembered for a frozen part (a mutable one could change under the cache). */
function remembered<P extends object>(
  memo: WeakMap<object, readonly string[]>,
  part: P,
  compute: () => readonly string[],
): readonly string[] {
  if (!Object.isFrozen(part)) return compute();
  let values = memo.get(part);
  if (values === undefined) {
    values = Object.freeze(compute());
    memo.set(part, values);
  }
  return values;
}

export const builtInIndexers: Readonly<Record<string, IndexFunc>> = {
  [LABEL_INDEX]: (obj) => {
    const labels = obj.metadata.labels;
    return labels ? remembered(labelValuesOf, labels, () => labelValues(labels)) : none;
  },
  [CONTROLLER_INDEX]: (obj) => {
    const owners = obj.metadata.ownerReferences;
    return owners ? remembered(controllerValuesOf, owners, () => controllerValues(obj)) : none;
  },
  [NODE_INDEX]: (obj) => {
    const node = obj.spec?.nodeName;
    return typeof node === 'string' && node !== '' ? [node] : none;
  },
};
