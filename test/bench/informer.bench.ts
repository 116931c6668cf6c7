// controller-kit informer on this machine against a private redis-server, over one cluster holding 100k realistic
// pods (100 ReplicaSets × 1000, bound and running) in a log of a million events (the pods, then Event objects
// recorded and expired): memory per cached pod, a restarted informer serving again via list + log tail, and a
// full replay of the 1M-event log. Prints `name: value unit`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLogger, Informer } from '@kubesim/controller-kit';
import { Store } from '@kubesim/store';
import { TestRedis, uniqueName, waitFor } from '@kubesim/testing';
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

    // A restarted informer serving again: list every kind, fold the log tail between the lists, then watch,
    // while node heartbeats keep landing.
    let beating = true;
    const heartbeats = (async () => {
      for (let beat = 1; beating; beat++) {
        await store.update(node(beat % NODES, beat * 1000));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    const restartCpu = process.cpuUsage();
    let listed: Informer | undefined = new Informer({
      store,
      kinds: ['Pod', 'ReplicaSet', 'Node'],
      startMode: 'listWatch',
      log: silent,
    });
    listed.start();
    await listed.waitForSync();
    const restartSeconds = (performance.now() - started) / 1000;
    const restartCpuSeconds = cpuSeconds(restartCpu);
    const objects = listed.syncStats?.objects ?? 0;
    report('restart via list + log tail', objects, 'objects');
    report('restart via list + log tail', restartSeconds / (objects / 100_000), 's per 100k objects');
    report(
      'restart via list + log tail, client CPU',
      restartCpuSeconds / (objects / 100_000),
      's per 100k objects',
    );
    beating = false;
    await heartbeats;
    await caughtUp(listed, await store.revision());
    const pods = listed.list('Pod').length;
    if (pods !== PODS) throw new Error(`informer holds ${pods} pods`);
    // The cache's cost: the heap with the informer minus the heap once it is stopped and dropped.
    const withCache = heapUsed();
    await listed.stop();
    listed = undefined;
    report('informer memory per pod', Math.round((withCache - heapUsed()) / pods), 'bytes');

    // A full replay of the 1M-event log into a fresh informer.
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
    await replayed.stop();
  } finally {
    await store.close();
    await redis.destroy();
  }
}

await main();
process.exit(0);
