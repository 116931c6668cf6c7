export {
  type Action,
  type AppliedAction,
  type ApplyResult,
  actionKey,
  actionKind,
  applyActions,
} from './actions.js';
export {
  connectStore,
  runService,
  type ServiceContext,
  type ServiceOptions,
  type StopService,
} from './bootstrap.js';
export { type CancelTimer, Clock, clock } from './clock.js';
export {
  Controller,
  type ControllerOptions,
  type KindWatch,
  type ReconcileContext,
  type ReconcileResult,
  type Reconciler,
} from './controller.js';
export {
  type ControlleeExpectations,
  ControllerExpectations,
  EXPECTATIONS_TIMEOUT_MS,
} from './expectations.js';
export {
  builtInIndexers,
  CONTROLLER_INDEX,
  controllerRef,
  type IndexFunc,
  LABEL_INDEX,
  labelIndexValue,
  NAMESPACE_INDEX,
  NODE_INDEX,
} from './informer/indexes.js';
export {
  type Cache,
  Informer,
  type InformerOptions,
  type ListOptions,
  type ResourceEventHandlers,
  type StartMode,
  type SyncStats,
} from './informer/informer.js';
export { deepFreeze, shareWith } from './informer/structural-sharing.js';
export {
  DEFAULT_LEASE_DURATION_MS,
  DEFAULT_RENEW_DEADLINE_MS,
  DEFAULT_RETRY_PERIOD_MS,
  type LeaderCallbacks,
  type LeaderElectionConfig,
  LeaderElector,
  type LeaderElectorOptions,
} from './leader-election.js';
export { createLogger, type Logger, type LoggerOptions, storeLogger } from './log.js';
export {
  controllerMetrics,
  informerMetrics,
  type MetricsServer,
  metricsRegistry,
  queueMetrics,
  startMetricsServer,
} from './metrics.js';
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  ItemExponentialFailureRateLimiter,
  type RateLimiter,
} from './queue/rate-limiter.js';
export { RateLimitingQueue, type RateLimitingQueueOptions } from './queue/rate-limiting-queue.js';
export { type QueueMetrics, WorkQueue } from './queue/work-queue.js';
