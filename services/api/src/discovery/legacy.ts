// Legacy discovery (what kubectl 1.20 uses and newer clients fall back to): APIVersions at /api, APIGroupList at
// /apis, an APIGroup per /apis/<group>, and an APIResourceList per group-version listing subresources too.
import { servedGroupVersions } from './resources.js';

export interface APIVersions {
  kind: 'APIVersions';
  versions: string[];
  serverAddressByClientCIDRs: { clientCIDR: string; serverAddress: string }[];
}

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroup {
  kind: 'APIGroup';
  apiVersion: 'v1';
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIGroupList {
  kind: 'APIGroupList';
  apiVersion: 'v1';
  groups: Omit<APIGroup, 'kind' | 'apiVersion'>[];
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

export interface APIResourceList {
  kind: 'APIResourceList';
  apiVersion: 'v1';
  groupVersion: string;
  resources: APIResource[];
}

/** GET /api. `serverAddress` is host:port as clients reach this server. */
export function apiVersions(serverAddress: string): APIVersions {
  return {
    kind: 'APIVersions',
    versions: servedGroupVersions()
      .filter((gv) => gv.group === '')
      .map((gv) => gv.version),
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function namedGroups(): Map<string, GroupVersionForDiscovery[]> {
  const groups = new Map<string, GroupVersionForDiscovery[]>();
  for (const gv of servedGroupVersions()) {
    if (gv.group === '') continue;
    groups.set(gv.group, [
      ...(groups.get(gv.group) ?? []),
      { groupVersion: gv.groupVersion, version: gv.version },
    ]);
  }
  return groups;
}

/** GET /apis. */
export function apiGroupList(): APIGroupList {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...namedGroups()].map(([name, versions]) => ({ name, versions, preferredVersion: versions[0] })),
  };
}

/** GET /apis/<group>; undefined for a group that is not served. */
export function apiGroup(group: string): APIGroup | undefined {
  const versions = namedGroups().get(group);
  return (
    versions && { kind: 'APIGroup', apiVersion: 'v1', name: group, versions, preferredVersion: versions[0] }
  );
}

/** GET /api/v1 or /apis/<group>/<version>; undefined for a group-version that is not served. */
export function apiResourceList(group: string, version: string): APIResourceList | undefined {
  const gv = servedGroupVersions().find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  const resources: APIResource[] = [];
  for (const { info, verbs, subresources } of gv.resources) {
    const main: APIResource = {
      name: info.resource,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs,
    };
    if (info.shortNames.length) main.shortNames = info.shortNames;
    if (info.categories.length) main.categories = info.categories;
    resources.push(main);
    for (const s of subresources) {
      const sub: APIResource = {
        name: `${info.resource}/${s.name}`,
        singularName: '',
        namespaced: info.namespaced,
        kind: s.responseKind.kind,
        verbs: s.verbs,
      };
      // Group and version are spelled out only when the subresource speaks another group-version.
      if (s.responseKind.group !== group || s.responseKind.version !== version) {
        sub.group = s.responseKind.group;
        sub.version = s.responseKind.version;
      }
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv.groupVersion, resources };
}
