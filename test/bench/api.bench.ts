// API throughput and latency: creates/s and gets/s with 50 concurrent clients over keep-alive HTTP,
// against a real API server and a private redis-server.
import { Agent, request } from 'node:http';
import { ensureSystemNamespaces, startApiServer } from '@kubesim/api-server';
import { ContainerLogs, ExecSessions, Store } from '@kubesim/store';
import { TestRedis } from '@kubesim/testing';

const CLIENTS = 50;
const CREATES = 10_000;
const GETS = 20_000;

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function call(url: string, method: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: body ? { 'Content-Type': 'application/json' } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(
  label: string,
  total: number,
  one: (i: number) => Promise<number>,
  want: number,
): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  let bad = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        if ((await one(i)) !== want) bad++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  console.log(`api ${label}/s (${CLIENTS} clients): ${Math.round(total / seconds)} req/s`);
  console.log(`api ${label} p50: ${pct(50)} ms`);
  console.log(`api ${label} p99: ${pct(99)} ms`);
  if (bad) console.log(`api ${label} unexpected statuses: ${bad}`);
}

const redis = await TestRedis.start();
const store = await Store.connect({ url: redis.url, cluster: 'bench-api' });
const sessions = ExecSessions.connect(redis.url, 'bench-api');
const logs = ContainerLogs.connect(redis.url, 'bench-api');
await ensureSystemNamespaces(store);
const server = await startApiServer({ store, sessions, logs, port: 0 });
const base = `${server.url}/api/v1/namespaces/default/configmaps`;
try {
  await run(
    'creates',
    CREATES,
    (i) =>
      call(
        base,
        'POST',
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `cm-${i}`, labels: { app: 'bench' } },
          data: { i: String(i) },
        }),
      ),
    201,
  );
  await run('gets', GETS, (i) => call(`${base}/cm-${i % CREATES}`, 'GET'), 200);
} finally {
  agent.destroy();
  await server.close();
  sessions.close();
  logs.close();
  await store.close();
  await redis.destroy();
}
