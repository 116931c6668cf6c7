// Prometheus metrics for every controller-kit component, in one process-wide registry served on /metrics.
// Names follow client-go and controller-runtime where they have one, so dashboards read as for Kubernetes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueMetrics } from './queue/work-queue.js';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

const workqueueDepth = new Gauge({
  name: 'workqueue_depth',
  help: 'Current depth of the work queue',
  labelNames: ['name'],
  registers,
});
const workqueueAdds = new Counter({
  name: 'workqueue_adds_total',
  help: 'Total number of adds handled by the work queue',
  labelNames: ['name'],
  registers,
});
const workqueueRetries = new Counter({
  name: 'workqueue_retries_total',
  help: 'Total number of rate-limited retries handled by the work queue',
  labelNames: ['name'],
  registers,
});
const reconcileTime = new Histogram({
  name: 'controller_runtime_reconcile_time_seconds',
  help: 'Length of time per reconciliation per controller',
  labelNames: ['controller'],
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});
const reconcileTotal = new Counter({
  name: 'controller_runtime_reconcile_total',
  help: 'Total number of reconciliations per controller, by result',
  labelNames: ['controller', 'result'],
  registers,
});
const reconcileErrors = new Counter({
  name: 'controller_runtime_reconcile_errors_total',
  help: 'Total number of reconciliation errors per controller',
  labelNames: ['controller'],
  registers,
});
const informerReplayed = new Counter({
  name: 'kubesim_informer_events_replayed_total',
  help: 'Log events (or listed objects) folded into the informer cache while syncing',
  labelNames: ['informer'],
  registers,
});
const informerEvents = new Counter({
  name: 'kubesim_informer_watch_events_total',
  help: 'Watch events applied to the informer cache after it synced',
  labelNames: ['informer'],
  registers,
});
const informerRelists = new Counter({
  name: 'kubesim_informer_relists_total',
  help: 'Relists after the watch fell behind the compacted log (410 Expired)',
  labelNames: ['informer'],
  registers,
});
const informerObjects = new Gauge({
  name: 'kubesim_informer_objects',
  help: 'Objects held in the informer cache',
  labelNames: ['informer', 'kind'],
  registers,
});
const leaderStatus = new Gauge({
  name: 'leader_election_master_status',
  help: 'Whether this process holds the lease (1) or not (0)',
  labelNames: ['name'],
  registers,
});

export function queueMetrics(name: string): QueueMetrics {
  const depth = workqueueDepth.labels(name);
  const adds = workqueueAdds.labels(name);
  const retries = workqueueRetries.labels(name);
  return { added: () => adds.inc(), depth: (n) => depth.set(n), retried: () => retries.inc() };
}

export type ReconcileOutcome = 'success' | 'error' | 'requeue' | 'requeue_after' | 'conflict';

export interface ControllerMetrics {
  reconciled(seconds: number, outcome: ReconcileOutcome): void;
}

export function controllerMetrics(controller: string): ControllerMetrics {
  const time = reconcileTime.labels(controller);
  const errors = reconcileErrors.labels(controller);
  return {
    reconciled(seconds, outcome) {
      time.observe(seconds);
      reconcileTotal.labels(controller, outcome).inc();
      if (outcome === 'error') errors.inc();
    },
  };
}

export interface InformerMetrics {
  replayed(events: number): void;
  watchEvent(): void;
  relisted(): void;
  objects(kind: string, n: number): void;
}

export function informerMetrics(informer: string): InformerMetrics {
  const replayed = informerReplayed.labels(informer);
  const events = informerEvents.labels(informer);
  const relists = informerRelists.labels(informer);
  // Bound per kind once: the gauge is set on every watch event.
  const objects = new Map<string, Gauge.Internal<string>>();
  return {
    replayed: (n) => replayed.inc(n),
    watchEvent: () => events.inc(),
    relisted: () => relists.inc(),
    objects: (kind, n) => {
      let g = objects.get(kind);
      if (!g) {
        g = informerObjects.labels(informer, kind);
        objects.set(kind, g);
      }
      g.set(n);
    },
  };
}

export function leaderMetrics(leaseName: string): { leading(is: boolean): void } {
  const g = leaderStatus.labels(leaseName);
  return { leading: (is) => g.set(is ? 1 : 0) };
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the registry on GET /metrics (and a liveness answer on /healthz). Port 0 picks a free port. */
export async function startMetricsServer(port = 0, host = '0.0.0.0'): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      metricsRegistry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': metricsRegistry.contentType });
          res.end(body);
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
      return;
    }
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
