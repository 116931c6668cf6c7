export type { StoreLog } from './connection.js';
export { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './deletion.js';
export { type ClusterKeys, clusterKeys } from './keys.js';
export * from './sessions/index.js';
export { Store, type StoreOptions } from './store.js';
export * from './types.js';
