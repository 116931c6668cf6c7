// Public surface of discovery: aggregated and legacy documents, their Accept negotiation, and /version.
export {
  type AggregatedVersion,
  type APIGroupDiscoveryList,
  type APIResourceDiscovery,
  aggregatedDiscovery,
  type DiscoveryRoot,
} from './aggregated.js';
export {
  type APIGroup,
  type APIGroupList,
  type APIResource,
  type APIResourceList,
  type APIVersions,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from './legacy.js';
export {
  AGGREGATED_VERSIONS,
  aggregatedContentType,
  type DiscoveryFormat,
  negotiateDiscovery,
} from './negotiate.js';
export { type GroupVersionResources, type ResourceDescription, servedGroupVersions } from './resources.js';
export { KUBERNETES_MINOR, type VersionInfo, versionInfo } from './version.js';
