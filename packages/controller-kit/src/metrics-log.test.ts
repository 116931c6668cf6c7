import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './log.js';
import { controllerMetrics, informerMetrics, queueMetrics, startMetricsServer } from './metrics.js';

describe('metrics server', () => {
  it('serves queue, reconcile and informer metrics on /metrics', async () => {
    const q = queueMetrics('metrics-test');
    q.added();
    q.depth(3);
    q.retried();
    controllerMetrics('metrics-test').reconciled(0.002, 'error');
    informerMetrics('metrics-test').replayed(42);
    informerMetrics('metrics-test').objects('Pod', 7);
    const server = await startMetricsServer(0, '127.0.0.1');
    try {
      assert.ok(server.port > 0);
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      assert.equal(res.status, 200);
      const body = await res.text();
      for (const line of [
        'workqueue_depth{name="metrics-test"} 3',
        'workqueue_adds_total{name="metrics-test"} 1',
        'workqueue_retries_total{name="metrics-test"} 1',
        'controller_runtime_reconcile_errors_total{controller="metrics-test"} 1',
        'controller_runtime_reconcile_time_seconds_count{controller="metrics-test"} 1',
        'kubesim_informer_events_replayed_total{informer="metrics-test"} 42',
        'kubesim_informer_objects{informer="metrics-test",kind="Pod"} 7',
      ]) {
        assert.ok(body.includes(line), `missing ${line}`);
      }
      assert.equal((await fetch(`http://127.0.0.1:${server.port}/nope`)).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('createLogger', () => {
  function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    });
    const lines = () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { stream, lines };
  }

  it('writes one JSON object per line with component, level name and message', () => {
    const out = capture();
    const log = createLogger('informer', { level: 'info', destination: out.stream });
    log.info({ events: 3, objects: 2, ms: 5 }, 'informer synced');
    log.debug('not shown at info');
    const [line, ...rest] = out.lines();
    assert.equal(rest.length, 0);
    assert.equal(line.component, 'informer');
    assert.equal(line.level, 'info');
    assert.equal(line.msg, 'informer synced');
    assert.equal(line.events, 3);
  });

  it('rejects an unknown level with a clear message', () => {
    assert.throws(() => createLogger('x', { level: 'loud' }), /KSIM_LOG_LEVEL must be one of/);
  });
});
