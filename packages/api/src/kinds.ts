// The registry of kinds kubesim serves: identity, REST names, scope and subresources. Discovery, the store
// and the CLI all read this one table, so a kind is added in one place.

export interface KindInfo {
  kind: string;
  group: string;
  version: string;
  /** Plural REST resource name. */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Has a status subresource: main-resource writes keep status, status writes keep everything else. */
  statusSubresource: boolean;
  /** Has an autoscaling/v1 scale subresource. */
  scaleSubresource: boolean;
}

const k = (
  kind: string,
  group: string,
  resource: string,
  namespaced: boolean,
  shortNames: string[] = [],
  opts: { categories?: string[]; status?: boolean; scale?: boolean } = {},
): KindInfo => ({
  kind,
  group,
  version: 'v1',
  resource,
  singular: kind.toLowerCase(),
  namespaced,
  shortNames,
  categories: opts.categories ?? [],
  statusSubresource: opts.status ?? false,
  scaleSubresource: opts.scale ?? false,
});

export const KINDS: readonly KindInfo[] = [
  k('Namespace', '', 'namespaces', false, ['ns'], { status: true }),
  k('Pod', '', 'pods', true, ['po'], { categories: ['all'], status: true }),
  k('Node', '', 'nodes', false, ['no'], { status: true }),
  k('Service', '', 'services', true, ['svc'], { categories: ['all'], status: true }),
  k('Endpoints', '', 'endpoints', true, ['ep']),
  k('PersistentVolume', '', 'persistentvolumes', false, ['pv'], { status: true }),
  k('PersistentVolumeClaim', '', 'persistentvolumeclaims', true, ['pvc'], { status: true }),
  k('ConfigMap', '', 'configmaps', true, ['cm']),
  k('Event', '', 'events', true, ['ev']),
  k('Deployment', 'apps', 'deployments', true, ['deploy'], {
    categories: ['all'],
    status: true,
    scale: true,
  }),
  k('ReplicaSet', 'apps', 'replicasets', true, ['rs'], { categories: ['all'], status: true, scale: true }),
  k('StatefulSet', 'apps', 'statefulsets', true, ['sts'], { categories: ['all'], status: true, scale: true }),
  k('DaemonSet', 'apps', 'daemonsets', true, ['ds'], { categories: ['all'], status: true }),
  k('ControllerRevision', 'apps', 'controllerrevisions', true),
  k('StorageClass', 'storage.k8s.io', 'storageclasses', false, ['sc']),
  k('Lease', 'coordination.k8s.io', 'leases', true),
];

const byKind = new Map(KINDS.map((i) => [i.kind, i]));

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Finds a kind by anything a user may type: plural, singular, short name or Kind, any case. */
export function resolveResource(name: string): KindInfo | undefined {
  const n = name.toLowerCase();
  const [base, group] = n.includes('.')
    ? [n.slice(0, n.indexOf('.')), n.slice(n.indexOf('.') + 1)]
    : [n, undefined];
  return KINDS.find(
    (i) =>
      (group === undefined || i.group === group) &&
      (i.resource === base ||
        i.singular === base ||
        i.shortNames.includes(base) ||
        i.kind.toLowerCase() === base),
  );
}
