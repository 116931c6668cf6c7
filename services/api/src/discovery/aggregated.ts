// Aggregated discovery (apidiscovery.k8s.io v2 and v2beta1 APIGroupDiscoveryList): one document for /api (the
// core group) and one for /apis (every named group), with which kubectl 1.27+ makes no per-group requests.
import type { GroupVersionKindRef, GroupVersionResources, ResourceDescription } from './resources.js';
import { servedGroupVersions } from './resources.js';

export type AggregatedVersion = 'v2' | 'v2beta1';

/** Which discovery path: /api serves the core group, /apis every named group. */
export type DiscoveryRoot = 'api' | 'apis';

export interface APISubresourceDiscovery {
  subresource: string;
  responseKind: GroupVersionKindRef;
  verbs: string[];
}

export interface APIResourceDiscovery {
  resource: string;
  responseKind: GroupVersionKindRef;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: APISubresourceDiscovery[];
}

export interface APIVersionDiscovery {
  version: string;
  resources: APIResourceDiscovery[];
  freshness: 'Current';
}

export interface APIGroupDiscovery {
  metadata: { name: string };
  versions: APIVersionDiscovery[];
}

export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: APIGroupDiscovery[];
}

function resourceDiscovery({ info, verbs, subresources }: ResourceDescription): APIResourceDiscovery {
  const r: APIResourceDiscovery = {
    resource: info.resource,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs,
  };
  if (info.shortNames.length) r.shortNames = info.shortNames;
  if (info.categories.length) r.categories = info.categories;
  if (subresources.length) {
    r.subresources = subresources.map((s) => ({
      subresource: s.name,
      responseKind: s.responseKind,
      verbs: s.verbs,
    }));
  }
  return r;
}

function groupDiscovery(group: string, versions: GroupVersionResources[]): APIGroupDiscovery {
  return {
    metadata: { name: group },
    versions: versions.map((gv) => ({
      version: gv.version,
      resources: gv.resources.map(resourceDiscovery),
      freshness: 'Current',
    })),
  };
}

/** The APIGroupDiscoveryList answering GET /api or GET /apis in the negotiated version. */
export function aggregatedDiscovery(root: DiscoveryRoot, version: AggregatedVersion): APIGroupDiscoveryList {
  const groups = new Map<string, GroupVersionResources[]>();
  for (const gv of servedGroupVersions()) {
    if ((gv.group === '') !== (root === 'api')) continue;
    groups.set(gv.group, [...(groups.get(gv.group) ?? []), gv]);
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: [...groups].map(([group, versions]) => groupDiscovery(group, versions)),
  };
}
