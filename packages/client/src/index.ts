export {
  type ClientOptions,
  KubeClient,
  type ListOptions,
  type PatchType,
  type WatchEvent,
  type WatchOptions,
} from './client.js';
export { collectionPath, infoFor, objectPath } from './paths.js';
export { readJsonLines } from './watch-stream.js';
