// controller-kit informer on this machine against a private redis-server, over one cluster holding 100k realistic
// pods (100 ReplicaSets × 1000, bound and running) in a log of a million events (the pods, then Event objects
// recorded and expired): memory per cached pod, a restarted informer serving again via list + log tail and via
// its saved snapshot + log tail, and a full replay of the 1M-event log. Prints `name: value unit`.
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLogger, Informer, type Logger, type SyncStats } from '@kubesim/controller-kit';
import { Store } from '@kubesim/store';
import { TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { Redis } from 'ioredis';
import {
  dryRun,
  event,
  eventName,
  LogFill,
  NODES,
  node,
  PODS_PER_RS,
  type Prepared,
  pod,
  prepared,
  REPLICASETS,
  replicaSet,
  stampedLike,
} from './cluster-fixture.js';
import { redisCpuSeconds } from './redis-cpu.js';

const PODS = REPLICASETS * PODS_PER_RS;
const LOG_EVENTS = 1_000_000;
/** Event objects still alive at the end (the rest were deleted, as their TTL does). */
const LIVE_EVENTS = 10_000;

function report(name: string, value: number, unit: string): void {
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);
}

/** This process's CPU time since `since`: on a shared machine the steadier figure. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function gc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapUsed(): number {
  const collect = gc();
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

async function caughtUp(informer: Informer, revision: number): Promise<void> {
  await waitFor(() => informer.revision >= revision, {
    timeoutMs: 30_000,
    message: `informer at revision ${revision}`,
  });
}

/** Fills the log: ReplicaSets, nodes and their pods, then Events recorded and expired up to 1M events, each as a
 *  create would have stored it. (A function of its own, so nothing it allocated outlives it into the figures.) */
async function fillLog(store: Store, url: string, cluster: string): Promise<void> {
  const fill = new LogFill(url, cluster);
  const replicaSets = await Promise.all(
    Array.from({ length: REPLICASETS }, (_, r) => dryRun(store, replicaSet(r))),
  );
  await fill.added(replicaSets.map(prepared));
  await fill.added(
    await Promise.all(Array.from({ length: NODES }, (_, n) => dryRun(store, node(n, 0)).then(prepared))),
  );
  // A dry run does not see the names already taken: a generated name that collides is drawn again.
  const podKeys = new Set<string>();
  const uniquePod = async (r: number, i: number): Promise<Prepared> => {
    for (;;) {
      const p = prepared(await dryRun(store, pod(r, replicaSets[r].metadata.uid as string, i)));
      if (!podKeys.has(p.key)) {
        podKeys.add(p.key);
        return p;
      }
    }
  };
  for (let i = 0; i < PODS_PER_RS; i++) {
    await fill.added(await Promise.all(replicaSets.map((_, r) => uniquePod(r, i))));
  }
  const churn = LOG_EVENTS - (await store.revision());
  const created = (churn + LIVE_EVENTS) / 2;
  const template = await dryRun(store, event(0));
  const batch = 10_000;
  for (let from = 0; from < created; from += batch) {
    const to = Math.min(from + batch, created);
    await fill.added(
      Array.from({ length: to - from }, (_, k) => prepared(stampedLike(template, event(from + k)))),
    );
  }
  for (let from = 0; from < churn - created; from += batch) {
    const to = Math.min(from + batch, churn - created);
    await fill.deleted(
      'Event',
      Array.from({ length: to - from }, (_, k) => `bench/${eventName(from + k)}`),
    );
  }
  fill.close();
}

/** A logger whose lines the bench reads back (the informer reports its snapshot saves there). */
function savedSnapshots(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger('informer-bench', { level: 'info', destination }), lines };
}

/** Starts an informer over the bench's kinds as a restarted controller would, and reports how long it took to
 *  serve again; `expected` is the sync mode it must have used. */
async function restartedInformer(
  store: Store,
  log: Logger,
  expected: SyncStats['mode'],
  name: string,
): Promise<Informer> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const informer = new Informer({ store, kinds: ['Pod', 'ReplicaSet', 'Node'], startMode: 'listWatch', log });
  informer.start();
  await informer.waitForSync();
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpuSeconds(cpu);
  const stats = informer.syncStats;
  if (stats?.mode !== expected) throw new Error(`${name}: synced by ${stats?.mode}, wanted ${expected}`);
  const per100k = stats.objects / 100_000;
  report(name, stats.objects, 'objects');
  report(name, seconds / per100k, 's per 100k objects');
  report(`${name}, client CPU`, cpuUsed / per100k, 's per 100k objects');
  return informer;
}

/** The cache's cost per pod: the heap with the informer minus the heap once it is stopped and dropped (the
 *  holder gives up the only reference; this function keeps none, so the collector can take the cache). */
async function reportMemory(how: string, store: Store, holder: { informer?: Informer }): Promise<void> {
  const { pods, withCache } = await stoppedWithHeap(store, holder.informer as Informer);
  holder.informer = undefined;
  report(`informer memory per pod (${how})`, Math.round((withCache - heapUsed()) / pods), 'bytes');
}

async function stoppedWithHeap(
  store: Store,
  informer: Informer,
): Promise<{ pods: number; withCache: number }> {
  await caughtUp(informer, await store.revision());
  const pods = informer.list('Pod').length;
  if (pods !== PODS) throw new Error(`informer holds ${pods} pods`);
  const withCache = heapUsed();
  await informer.stop();
  return { pods, withCache };
}

async function main(): Promise<void> {
  const redis = await TestRedis.start();
  const cluster = uniqueName('informer-bench');
  const store = await Store.connect({ url: redis.url, cluster });
  const silent = createLogger('informer-bench', { level: 'warn' });
  try {
    const fillStart = performance.now();
    await fillLog(store, redis.url, cluster);
    const events = await store.revision();
    if (events !== LOG_EVENTS) throw new Error(`log holds ${events} events, wanted ${LOG_EVENTS}`);
    report('fill: log events written', events, 'events');
    report('fill: time', (performance.now() - fillStart) / 1000, 's');

    // Stored JSON as the store decodes it from a Redis reply; a list keeping the text parses none of the others.
    const texts = (await store.list('Pod', { namespace: 'bench', decode: (json) => json })).items.slice(
      0,
      1000,
    );
    report('pod JSON size', Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length), 'bytes');
    const unsharedBefore = heapUsed();
    const unshared = texts.map((t) => JSON.parse(t));
    report('pod parsed, unshared', Math.round((heapUsed() - unsharedBefore) / unshared.length), 'bytes');
    texts.length = 0;
    unshared.length = 0;

    // A restarted informer serving again, while node heartbeats keep landing: first with nothing saved (list
    // every kind, fold the log tail between the lists), then from the snapshot that first informer saved (load
    // it, fold the log after it).
    let beating = true;
    const heartbeats = (async () => {
      for (let beat = 1; beating; beat++) {
        await store.update(node(beat % NODES, beat * 1000));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const saves = savedSnapshots();
    const listed = {
      informer: await restartedInformer(store, saves.log, 'listWatch', 'restart via list + log tail'),
    };
    const saved = await waitFor(() => saves.lines.find((l) => l.msg === 'saved a snapshot'), {
      timeoutMs: 60_000,
      message: 'the snapshot saved after the first sync',
    });
    report('snapshot save', saved.objects as number, 'objects');
    report('snapshot save', (saved.bytes as number) / 1e6, 'MB');
    report(
      'snapshot save',
      (saved.ms as number) / ((saved.objects as number) / 100_000),
      'ms per 100k objects',
    );
    await reportMemory('list', store, listed);
    const restored = {
      informer: await restartedInformer(store, silent, 'snapshot', 'restart via snapshot + log tail'),
    };
    beating = false;
    await heartbeats;
    await reportMemory('snapshot', store, restored);

    // A full replay of the 1M-event log into a fresh informer.
    const admin = new Redis(redis.url);
    const replayRedisCpu = await redisCpuSeconds(admin);
    const replayStart = performance.now();
    const replayCpu = process.cpuUsage();
    const replayed = new Informer({
      store,
      kinds: ['Pod', 'ReplicaSet', 'Node', 'Event'],
      startMode: 'replay',
      log: silent,
    });
    replayed.start();
    await replayed.waitForSync();
    const replaySeconds = (performance.now() - replayStart) / 1000;
    const replayCpuSeconds = cpuSeconds(replayCpu);
    const stats = replayed.syncStats;
    if (stats?.mode !== 'replay' || stats.events < LOG_EVENTS) {
      throw new Error(`replay stats ${JSON.stringify(stats)}`);
    }
    report('replay into informer', stats.events, 'events');
    report('replay into informer', stats.objects, 'objects');
    report('replay into informer', replaySeconds, 's');
    report('replay into informer', stats.events / replaySeconds, 'events/s');
    report('replay into informer, client CPU', replayCpuSeconds, 's');
    report('replay into informer, Redis CPU', (await redisCpuSeconds(admin)) - replayRedisCpu, 's');
    admin.disconnect();
    await replayed.stop();
  } finally {
    await store.close();
    await redis.destroy();
  }
}

await main();
process.exit(0);
