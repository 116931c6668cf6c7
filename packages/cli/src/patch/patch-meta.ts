// Which lists merge (and by which key) when ksim computes a strategic merge patch: the patchStrategy and
// patchMergeKey struct tags of the Kubernetes types, as kubectl knows them from its compiled-in types. Lists
// not named here are replaced whole; maps always merge.

export interface ListMeta {
  /** Merge key of a list of maps; undefined for a merging list of scalars (a set, like finalizers). */
  mergeKey?: string;
}

const MERGING_LISTS: Record<string, ListMeta> = {
  containers: { mergeKey: 'name' },
  initContainers: { mergeKey: 'name' },
  ephemeralContainers: { mergeKey: 'name' },
  volumes: { mergeKey: 'name' },
  env: { mergeKey: 'name' },
  imagePullSecrets: { mergeKey: 'name' },
  resourceClaims: { mergeKey: 'name' },
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
  conditions: { mergeKey: 'type' },
  hostAliases: { mergeKey: 'ip' },
  topologySpreadConstraints: { mergeKey: 'topologyKey' },
  ownerReferences: { mergeKey: 'uid' },
  finalizers: {},
};

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Patch metadata of the list at `path` (field names from the object's root, list indices left out). */
export function listMeta(path: readonly string[]): ListMeta | undefined {
  const field = path[path.length - 1];
  if (field === 'ports') {
    // Container ports merge by containerPort, Service ports by port.
    return path.some((p) => CONTAINER_LISTS.has(p)) ? { mergeKey: 'containerPort' } : { mergeKey: 'port' };
  }
  return MERGING_LISTS[field];
}

/**
 * Whether the map at `path` is patched with a `$retainKeys` directive, so that switching a union member (a
 * Deployment's strategy type, a volume's source) drops the old member: Deployment spec.strategy and each
 * element of a pod's volumes.
 */
export function retainsKeys(path: readonly string[]): boolean {
  const field = path[path.length - 1];
  return (path.length === 2 && path[0] === 'spec' && field === 'strategy') || field === 'volumes';
}
