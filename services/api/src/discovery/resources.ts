// What discovery says about each served resource, derived from the KINDS registry: verbs, scope, names and
// subresources (status, scale, and the pod ones kubectl uses: binding, log, exec, attach, eviction).
import { apiVersionOf, KINDS, type KindInfo } from '@kubesim/api';

export interface GroupVersionKindRef {
  group: string;
  version: string;
  kind: string;
}

export interface SubresourceDescription {
  /** e.g. scale */
  name: string;
  responseKind: GroupVersionKindRef;
  verbs: string[];
}

export interface ResourceDescription {
  info: KindInfo;
  verbs: string[];
  subresources: SubresourceDescription[];
}

export interface GroupVersionResources {
  group: string;
  version: string;
  /** `apps/v1`, or `v1` for the core group. */
  groupVersion: string;
  resources: ResourceDescription[];
}

const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Namespaces cannot be deleted as a collection. */
const NO_COLLECTION_DELETE = new Set(['Namespace']);
const GET_PATCH_UPDATE = ['get', 'patch', 'update'];

const core = (kind: string): GroupVersionKindRef => ({ group: '', version: 'v1', kind });

const POD_SUBRESOURCES: SubresourceDescription[] = [
  { name: 'attach', responseKind: core('PodAttachOptions'), verbs: ['create', 'get'] },
  { name: 'binding', responseKind: core('Binding'), verbs: ['create'] },
  { name: 'eviction', responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
  { name: 'exec', responseKind: core('PodExecOptions'), verbs: ['create', 'get'] },
  { name: 'log', responseKind: core('Pod'), verbs: ['get'] },
];

function describeResource(info: KindInfo): ResourceDescription {
  const subresources: SubresourceDescription[] = [];
  if (info.kind === 'Pod') subresources.push(...POD_SUBRESOURCES);
  if (info.scaleSubresource) {
    subresources.push({
      name: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: GET_PATCH_UPDATE,
    });
  }
  if (info.statusSubresource) {
    subresources.push({
      name: 'status',
      responseKind: { group: info.group, version: info.version, kind: info.kind },
      verbs: GET_PATCH_UPDATE,
    });
  }
  subresources.sort((a, b) => a.name.localeCompare(b.name));
  const verbs = NO_COLLECTION_DELETE.has(info.kind)
    ? READ_WRITE.filter((v) => v !== 'deletecollection')
    : READ_WRITE;
  return { info, verbs, subresources };
}

/** Every served group-version with its resources: the core group first, then groups in registry order. */
export function servedGroupVersions(): GroupVersionResources[] {
  const byGroupVersion = new Map<string, GroupVersionResources>();
  for (const info of [...KINDS].sort((a, b) => (a.group === '' ? 0 : 1) - (b.group === '' ? 0 : 1))) {
    const groupVersion = apiVersionOf(info);
    let gv = byGroupVersion.get(groupVersion);
    if (!gv) {
      gv = { group: info.group, version: info.version, groupVersion, resources: [] };
      byGroupVersion.set(groupVersion, gv);
    }
    gv.resources.push(describeResource(info));
  }
  for (const gv of byGroupVersion.values())
    gv.resources.sort((a, b) => a.info.resource.localeCompare(b.info.resource));
  return [...byGroupVersion.values()];
}
