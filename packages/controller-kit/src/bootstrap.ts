// What every service's main does first: a logger, the store connected (waiting for Redis with backoff and one
// log line per attempt, never a stack trace), optional /metrics, and a graceful stop on SIGTERM/SIGINT.
import { Store } from '@kubesim/store';
import { type Clock, clock as defaultClock } from './clock.js';
import { createLogger, type Logger, storeLogger } from './log.js';
import { type MetricsServer, startMetricsServer } from './metrics.js';

export interface ServiceContext {
  store: Store;
  log: Logger;
  clock: Clock;
  cluster: string;
  /** Aborts when the service is asked to stop. */
  signal: AbortSignal;
}

/** What main returns: how to stop what it started (called once, on SIGTERM/SIGINT). */
export type StopService = () => Promise<void> | void;

export interface ServiceOptions {
  /** Names the service in every log line. */
  component: string;
  main(ctx: ServiceContext): Promise<StopService | undefined> | StopService | undefined;
  /** Default REDIS_URL. */
  redisUrl?: string;
  /** Default KSIM_CLUSTER, else "kubesim". */
  cluster?: string;
  /** Serve /metrics on this port (0 = any free port); default KSIM_METRICS_PORT, unset = no server. */
  metricsPort?: number;
  /** Real milliseconds a graceful stop may take before the process exits anyway. Default 10 s. */
  shutdownTimeoutMs?: number;
  clock?: Clock;
  log?: Logger;
}

const DEFAULT_CLUSTER = 'kubesim';

/** Connects to the cluster's store; while Redis is unreachable it keeps trying and logs each retry. */
export async function connectStore(opts: { url: string; cluster: string; log: Logger }): Promise<Store> {
  opts.log.info({ url: redactUrl(opts.url), cluster: opts.cluster }, 'connecting to redis');
  const store = await Store.connect({ url: opts.url, cluster: opts.cluster, log: storeLogger(opts.log) });
  opts.log.info({ cluster: opts.cluster, revision: await store.revision() }, 'connected to redis');
  return store;
}

/**
 * Runs a service: connects, calls main, and on SIGTERM or SIGINT calls main's stop function, closes the store and
 * exits 0. A second signal exits at once. Startup failures are logged as one line and exit 1.
 */
export async function runService(opts: ServiceOptions): Promise<void> {
  const log = opts.log ?? createLogger(opts.component);
  const stopper = new AbortController();
  const exit = (code: number): never => {
    log.flush();
    process.exit(code);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopper.signal.aborted) {
      log.warn({ signal: sig }, 'second signal, exiting now');
      exit(1);
    }
    log.info({ signal: sig }, 'shutting down');
    stopper.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    const url = opts.redisUrl ?? process.env.REDIS_URL;
    if (!url)
      throw new Error('REDIS_URL is not set; point it at the cluster Redis (e.g. redis://127.0.0.1:6380)');
    const cluster = opts.cluster ?? (process.env.KSIM_CLUSTER || DEFAULT_CLUSTER);
    const metricsPort = opts.metricsPort ?? envPort(process.env.KSIM_METRICS_PORT);
    const connecting = connectStore({ url, cluster, log });
    const store = await Promise.race([connecting, aborted(stopper.signal)]);
    if (!store) {
      // Asked to stop while Redis was still away: nothing to clean up but the pending connection.
      connecting.then((s) => s.close()).catch(() => {});
      exit(0);
      return;
    }
    let metrics: MetricsServer | undefined;
    if (metricsPort !== undefined) {
      metrics = await startMetricsServer(metricsPort);
      log.info({ port: metrics.port }, 'serving metrics');
    }
    const stop = await opts.main({
      store,
      log,
      clock: opts.clock ?? defaultClock,
      cluster,
      signal: stopper.signal,
    });
    log.info({ cluster }, 'service started');
    await aborted(stopper.signal);
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: opts.shutdownTimeoutMs ?? 10_000 }, 'graceful stop took too long, exiting');
      exit(1);
    }, opts.shutdownTimeoutMs ?? 10_000);
    deadline.unref();
    await stop?.();
    await metrics?.close();
    await store.close();
    log.info('stopped');
    exit(0);
  } catch (err) {
    log.error({ why: err instanceof Error ? err.message : String(err) }, 'service failed');
    exit(1);
  }
}

function aborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    else signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
}

function envPort(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`KSIM_METRICS_PORT must be a port number, got "${raw}"`);
  }
  return port;
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
