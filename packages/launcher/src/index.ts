// Public surface of @kubesim/launcher: the pieces `pnpm start` is built from, and what `ksim` reads back.
export { type BackoffPolicy, DEFAULT_BACKOFF, nextRestartDelay } from './backoff.js';
export { type Clock, systemClock } from './clock.js';
export {
  DEFAULT_API_PORT,
  DEFAULT_CLUSTER,
  DEFAULT_REDIS_PORT,
  type LauncherConfig,
  loadLauncherConfig,
} from './config.js';
export { buildKubeconfig, type KubeconfigOptions, writeKubeconfig } from './kubeconfig.js';
export { type KsimPaths, ksimPaths, resolveKsimHome } from './paths.js';
export { claimPidFile, isProcessAlive, type PidFileClaim, readPidFile } from './pid-file.js';
export {
  type PrivateRedisOptions,
  privateRedisSpec,
  privateRedisUrl,
  REDIS_PROCESS_NAME,
  startPrivateRedis,
} from './private-redis.js';
export {
  type ManagedProcess,
  type ProcessExit,
  type ProcessStatus,
  type ProcessTable,
  readProcessTable,
  writeProcessTable,
} from './process-table.js';
export { discoverServices, SERVICE_START_ORDER, type ServiceEntry } from './services.js';
export {
  DEFAULT_STOP_GRACE_MS,
  type ProcessSpec,
  Supervisor,
  type SupervisorEvent,
  type SupervisorOptions,
} from './supervisor.js';
