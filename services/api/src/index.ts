export { ensureSystemNamespaces, SYSTEM_NAMESPACES } from './bootstrap.js';
export { type ApiServer, type ApiServerOptions, startApiServer } from './http/server.js';
export { loadOrCreateServingCert, type ServingCert } from './http/tls.js';
export { type ApiHarness, runningPod, startApiHarness } from './testing/api-harness.js';
