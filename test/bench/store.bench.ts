// @kubesim/store throughput on this machine against a private redis-server: writes/s with 1 and 8 writers, list
// of 100k objects, watch fan-out to 10 watchers (rate and lag), replay of 1M events. Prints `name: value unit`.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KubeObject } from '@kubesim/api';
import { clusterKeys, type LogEvent, Store } from '@kubesim/store';
import { TestRedis, uniqueName } from '@kubesim/testing';
import { Redis } from 'ioredis';
import { dryRun, LogFill, prepared, pod as runningPod, stampedLike } from './cluster-fixture.js';
import { redisCpuSeconds } from './redis-cpu.js';

const WARMUP_WRITES = 5_000;
const SINGLE_WRITES = 5_000;
const CONCURRENT_WRITES = 20_000;
const WRITERS = 8;
const LIST_OBJECTS = 100_000;
const WATCHERS = 10;
const WATCHED_WRITES = 10_000;
const REPLAY_EVENTS = 1_000_000;
const REPLAY_KEYS = 10_000;

function report(name: string, value: number, unit: string): void {
  console.log(`${name}: ${value >= 100 ? Math.round(value) : value.toFixed(1)} ${unit}`);
}

/** A pod as a ReplicaSet creates it (before defaulting). */
function pod(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'bench',
      labels: { app: 'web', 'pod-template-hash': '5d4f8b7c9' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-5d4f8b7c9',
          uid: '3f1c2a4e-8b9d-4c6e-a1f2-0b3c4d5e6f70',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
  };
}

function configMap(name: string, n: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'bench' },
    data: { n: String(n) },
  };
}

/** Wall time, and this process's CPU time: on a shared machine the latter is the steadier figure. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

interface Throughput {
  perSecond: number;
  cpuMicrosPerOp: number;
  redisCpuMicrosPerOp?: number;
}

/** Runs operations 0..total-1 over `writers` concurrent loops. */
async function throughput(
  writers: number,
  total: number,
  op: (i: number) => Promise<unknown>,
  redisConn?: Redis,
): Promise<Throughput> {
  let next = 0;
  const redisBefore = redisConn && (await redisCpuSeconds(redisConn));
  const { ms, cpuMs } = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = next++; i < total; i = next++) await op(i);
      }),
    ),
  );
  const redisSeconds = redisConn && (await redisCpuSeconds(redisConn)) - (redisBefore as number);
  return {
    perSecond: (total / ms) * 1000,
    cpuMicrosPerOp: (cpuMs * 1000) / total,
    redisCpuMicrosPerOp: redisSeconds === undefined ? undefined : (redisSeconds * 1e6) / total,
  };
}

function reportWrites(name: string, t: Throughput): void {
  report(`writes/s ${name}`, t.perSecond, 'writes/s');
  report(`client CPU per write, ${name}`, t.cpuMicrosPerOp, 'µs');
  if (t.redisCpuMicrosPerOp !== undefined)
    report(`Redis CPU per write, ${name}`, t.redisCpuMicrosPerOp, 'µs');
}

const connect = (redis: TestRedis) => Store.connect({ url: redis.url, cluster: uniqueName('bench') });

/** The three write operations over `writers` loops; figures printed only when `label` is given. */
async function writeRound(
  store: Store,
  writers: number,
  total: number,
  label?: string,
  redisConn?: Redis,
): Promise<void> {
  const reportIf = (name: string, t: Throughput) => label && reportWrites(`${name}, ${label}`, t);
  const run = (op: (i: number) => Promise<unknown>) => throughput(writers, total, op, redisConn);
  reportIf('create pod', await run((i) => store.create(pod(`p-${i}`))));
  const relabel = (i: number) =>
    store.guaranteedUpdate<KubeObject>('Pod', 'bench', `p-${i}`, (p) => {
      p.metadata.labels = { ...p.metadata.labels, rev: String(i) };
      return p;
    });
  reportIf('update pod (read + CAS)', await run(relabel));
  reportIf('create configmap', await run((i) => store.create(configMap(`c-${i}`, i))));
}

/** A writer process (see benchWriterProcesses): warms up, says ready, creates its pods on 'go', and reports
 *  its CPU time. */
async function writerProcess(url: string, cluster: string, id: string, count: number): Promise<void> {
  const store = await Store.connect({ url, cluster });
  for (let i = 0; i < WARMUP_WRITES; i++) await store.create(pod(`w-${id}-${i}`), { dryRun: i % 2 === 0 });
  const send = (message: object) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    void send({ ready: true });
  });
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) await store.create(pod(`x-${id}-${i}`));
  const used = process.cpuUsage(cpu);
  await send({ cpuMs: (used.user + used.system) / 1000 });
  await store.close();
}

/** Pod creates from `processes` writer processes of one writer each, the way kubesim runs its controllers (one
 *  process each): no group commit across writers, and the processes share the two cores with Redis. */
async function benchWriterProcesses(redis: TestRedis, redisConn: Redis, processes: number): Promise<void> {
  const cluster = uniqueName('bench');
  const perProcess = Math.ceil(CONCURRENT_WRITES / processes);
  const children = Array.from({ length: processes }, (_, k) =>
    fork(fileURLToPath(import.meta.url), ['--writer', redis.url, cluster, String(k), String(perProcess)], {
      execArgv: ['--import', 'tsx'],
    }),
  );
  const exited = children.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  const message = (child: (typeof children)[number]) =>
    new Promise<{ ready?: boolean; cpuMs?: number }>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`writer process exited with ${code}`)));
    });
  await Promise.all(children.map(message));
  const redisBefore = await redisCpuSeconds(redisConn);
  const start = performance.now();
  const reports = children.map(message);
  for (const child of children) child.send({ go: true });
  const cpuMs = (await Promise.all(reports)).reduce((sum, r) => sum + (r.cpuMs ?? 0), 0);
  const ms = performance.now() - start;
  const redisSeconds = (await redisCpuSeconds(redisConn)) - redisBefore;
  const total = perProcess * processes;
  reportWrites(`create pod, ${processes} writer processes`, {
    perSecond: (total / ms) * 1000,
    cpuMicrosPerOp: (cpuMs * 1000) / total,
    redisCpuMicrosPerOp: (redisSeconds * 1e6) / total,
  });
  await Promise.all(exited);
}

async function benchWrites(redis: TestRedis): Promise<void> {
  // A running service's write path is JIT-compiled: the first few thousand writes of a fresh process cost several
  // times as much CPU, so the figures are taken after a warm-up round.
  const warm = await connect(redis);
  await writeRound(warm, WRITERS, WARMUP_WRITES);
  // What a pod create costs before it reaches Redis (defaulting, validation, canonical JSON): the CPU
  // difference to the figures below is the round trip through ioredis and the socket.
  reportWrites(
    `create pod, dry run (no Redis), ${WRITERS} writers`,
    await throughput(WRITERS, CONCURRENT_WRITES, (i) => warm.create(pod(`d-${i}`), { dryRun: true })),
  );
  await warm.close();
  const redisConn = new Redis(redis.url);
  for (const [writers, total] of [
    [1, SINGLE_WRITES],
    [WRITERS, CONCURRENT_WRITES],
  ]) {
    const store = await connect(redis);
    await writeRound(store, writers, total, `${writers} writer${writers > 1 ? 's' : ''}`, redisConn);
    await store.close();
  }
  await benchWriterProcesses(redis, redisConn, WRITERS);
  redisConn.disconnect();
}

/** 100k objects of each shape, written server-side from one dry-run object (names and uids vary): the pod as
 *  a ReplicaSet creates it, the same pod bound and running as the node agent leaves it, and a small ConfigMap. */
async function benchList(redis: TestRedis): Promise<void> {
  const shapes: [string, KubeObject][] = [
    ['Pods as created', pod('o')],
    ['Pods running', runningPod(0, '3f1c2a4e-8b9d-4c6e-a1f2-0b3c4d5e6f70', 0)],
    ['ConfigMaps', configMap('o', 1)],
  ];
  for (const [shape, sample] of shapes) {
    const store = await connect(redis);
    const template = await dryRun(store, sample);
    const fill = new LogFill(redis.url, store.cluster);
    for (let from = 0; from < LIST_OBJECTS; from += 10_000) {
      await fill.added(
        Array.from({ length: 10_000 }, (_, k) => {
          const metadata = { ...template.metadata, name: `o-${from + k}` };
          return prepared(stampedLike(template, { ...template, metadata }));
        }),
      );
    }
    fill.close();
    const bytes = JSON.stringify(template).length;
    for (const [how, decode] of [
      ['parsed', JSON.parse],
      ['as JSON text', (json: string) => json],
    ] as const) {
      const runs: { ms: number; cpuMs: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const { ms, cpuMs, result } = await timed(() => store.list(template.kind, { decode }));
        if (result.items.length !== LIST_OBJECTS) throw new Error(`listed ${result.items.length}`);
        runs.push({ ms, cpuMs });
      }
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      report(`list ${LIST_OBJECTS} ${shape} of ~${bytes} bytes, ${how} (best of 3)`, best.ms, 'ms');
      report(`list ${LIST_OBJECTS} ${shape} of ~${bytes} bytes, ${how}, client CPU`, best.cpuMs, 'ms');
    }
    await store.close();
  }
}

async function benchWatchFanOut(redis: TestRedis): Promise<void> {
  const store = await connect(redis);
  const keys = 1000;
  await throughput(WRITERS, keys, (i) => store.create(configMap(`c-${i}`, -1)));
  const from = await store.revision();
  const writeStarted = new Float64Array(WATCHED_WRITES);
  const lags: number[] = [];
  const start = performance.now();
  const watchers = Array.from({ length: WATCHERS }, async () => {
    const w = store.watch({ fromRevision: from });
    let n = 0;
    for await (const e of w as AsyncIterable<LogEvent>) {
      lags.push(performance.now() - writeStarted[Number((e.object.data as { n: string }).n)]);
      if (++n === WATCHED_WRITES) break;
    }
  });
  const writes = throughput(WRITERS, WATCHED_WRITES, (i) => {
    writeStarted[i] = performance.now();
    return store.update(configMap(`c-${i % keys}`, i));
  });
  await Promise.all([writes, ...watchers]);
  const ms = performance.now() - start;
  lags.sort((a, b) => a - b);
  report(
    `watch fan-out to ${WATCHERS} watchers`,
    (WATCHED_WRITES / ms) * 1000,
    'events/s delivered to every watcher',
  );
  report(
    `watch fan-out to ${WATCHERS} watchers`,
    ((WATCHED_WRITES * WATCHERS) / ms) * 1000,
    'events/s in total',
  );
  report('watch lag (write start to delivery) p50', lags[Math.floor(lags.length / 2)], 'ms');
  report('watch lag (write start to delivery) p99', lags[Math.floor(lags.length * 0.99)], 'ms');
  await store.close();
}

/** Writes a million log entries server-side in the store's entry format (the Lua scripts' headers document it),
 *  with the matching projection, so the fill takes seconds; verify() below checks the fixture is consistent. */
const FILL = `
local from, to, keys = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
for rev = from, to do
  local i = (rev - 1) % keys
  local key = 'bench/c-' .. i
  local json = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c-' .. i ..
    '","namespace":"bench","uid":"3f1c2a4e-8b9d-4c6e-a1f2-0b3c4d5e6f70","resourceVersion":"' .. rev ..
    '","generation":1,"creationTimestamp":"2024-05-01T12:00:00Z","labels":{"app":"web"}},"data":{"n":"' .. rev .. '"}}'
  local t = 'MODIFIED'
  if rev <= keys then t = 'ADDED' end
  redis.call('XADD', KEYS[1], rev .. '-0', 'event', t .. ' ConfigMap ' .. key .. ' fill.' .. rev, 'object', json)
  redis.call('APPEND', KEYS[4] .. math.floor((rev - 1) / 2000), rev .. ' ' .. t .. ' ConfigMap ' .. key .. '\\n')
  redis.call('HSET', KEYS[3], key, json)
end
redis.call('SET', KEYS[2], to)
`;

async function benchReplay(redis: TestRedis): Promise<void> {
  const store = await connect(redis);
  const keys = clusterKeys(store.cluster);
  const raw = new Redis(redis.url);
  const chunk = 50_000;
  for (let from = 1; from <= REPLAY_EVENTS; from += chunk) {
    await raw.eval(
      FILL,
      4,
      keys.log,
      keys.revision,
      keys.objects('ConfigMap'),
      keys.eventIndex,
      from,
      from + chunk - 1,
      REPLAY_KEYS,
    );
  }
  raw.disconnect();
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 2; i++) {
    const { ms, cpuMs, result } = await timed(() => store.replay());
    if (result.events !== REPLAY_EVENTS || result.items.length !== REPLAY_KEYS) {
      throw new Error(`replayed ${result.events} events into ${result.items.length} objects`);
    }
    runs.push({ ms, cpuMs });
  }
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  report(
    `replay ${REPLAY_EVENTS} events into ${REPLAY_KEYS} objects (best of 2)`,
    (REPLAY_EVENTS / best.ms) * 1000,
    'events/s',
  );
  report(`replay ${REPLAY_EVENTS} events, client CPU`, best.cpuMs, 'ms');
  const { ms, result } = await timed(() => store.verify());
  if (!result.ok) throw new Error(`verify: ${result.mismatches.slice(0, 3).join('; ')}`);
  report(`verify (fold ${REPLAY_EVENTS} events, compare with projection)`, ms, 'ms');
  await store.close();
}

const SECTIONS = { writes: benchWrites, list: benchList, watch: benchWatchFanOut, replay: benchReplay };
if (process.argv[2] === '--writer') {
  const [url, cluster, id, count] = process.argv.slice(3);
  await writerProcess(url, cluster, id, Number(count));
} else {
  /** Sections named on the command line (`store.bench.ts writes`), or all of them. */
  const wanted = process.argv.slice(2);
  const redis = await TestRedis.start();
  try {
    for (const [name, run] of Object.entries(SECTIONS))
      if (wanted.length === 0 || wanted.includes(name)) await run(redis);
  } finally {
    await redis.destroy();
  }
}
process.exit(0);
