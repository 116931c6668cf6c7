import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type KubeObject, keyOf } from '@kubesim/api';
import type { Store } from '@kubesim/store';
import { TcpProxy, TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { Clock } from './clock.js';
import { Controller, type ControllerOptions, type ReconcileResult } from './controller.js';
import { reconcileChildren } from './fixtures/children.js';
import { Informer } from './informer/informer.js';
import { ItemExponentialFailureRateLimiter } from './queue/rate-limiter.js';
import { configMap, connectStore, memoryLogger, pod, replicaSet } from './test-support.js';

const fast = new Clock(0.01);

describe('Controller', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let store: Store;
  const controllers: Controller[] = [];
  const extraStores: Store[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    redis = await TestRedis.start();
  });
  after(async () => {
    await redis.destroy();
  });
  beforeEach(async () => {
    store = await connectStore(redis);
  });
  afterEach(async () => {
    for (const clean of cleanups.splice(0)) await clean();
    await Promise.all(controllers.splice(0).map((c) => c.stop()));
    await Promise.all([store, ...extraStores.splice(0)].map((s) => s.close()));
  });

  function controller(
    opts: Partial<ControllerOptions> & Pick<ControllerOptions, 'reconcile' | 'for'>,
  ): Controller {
    const c = new Controller({ name: uniqueName('ctrl'), store, clock: fast, log: memoryLogger(), ...opts });
    controllers.push(c);
    return c;
  }

  const pods = async (s: Store = store) => (await s.list('Pod')).items;

  it('never creates twice from a cache that has not seen its creates yet (expectations)', async () => {
    const rs = await store.create(replicaSet('web', 10));
    const key = keyOf(rs);
    const informer = new Informer({ store, kinds: ['ReplicaSet', 'Pod'], clock: fast, log: memoryLogger() });
    informer.start();
    await informer.waitForSync();
    // Freeze the cache: the controller's creates stay invisible to it until the informer resumes.
    await informer.stop();
    let passes = 0;
    const reconcile = reconcileChildren(10);
    const c = controller({
      for: 'ReplicaSet',
      owns: ['Pod'],
      informer,
      reconcile: (...args) => {
        passes++;
        return reconcile(...args);
      },
    });
    await c.start();
    await waitFor(async () => (await pods()).length === 10);
    for (let poke = 1; poke <= 5; poke++) {
      const before = passes;
      c.queue.add(key);
      await waitFor(() => passes > before && c.queue.len() === 0);
    }
    assert.equal((await pods()).length, 10, 'pokes on a stale cache create nothing');
    assert.equal(c.expectations.satisfiedExpectations(key), false);

    informer.start();
    await waitFor(() => c.expectations.satisfiedExpectations(key), {
      message: 'the informer sees the creates',
    });
    await waitFor(() => informer.list('Pod').length === 10 && c.queue.len() === 0);
    await c.stop();
    await informer.stop();
    assert.equal((await pods()).length, 10);
  });

  it('creates exactly the children asked for while its own parent keeps changing', async () => {
    const rs = await store.create(replicaSet('web', 40));
    const c = controller({ for: 'ReplicaSet', owns: ['Pod'], reconcile: reconcileChildren(7), workers: 3 });
    await c.start();
    for (let i = 0; i < 30; i++) {
      await store.guaranteedUpdate<KubeObject>('ReplicaSet', 'default', 'web', (r) => ({
        ...r,
        metadata: { ...r.metadata, annotations: { touch: String(i) } },
      }));
    }
    await waitFor(async () => (await pods()).length >= 40, { timeoutMs: 20_000 });
    await waitFor(() => c.queue.len() === 0 && c.expectations.satisfiedExpectations(keyOf(rs)));
    await c.stop();
    const children = await pods();
    assert.equal(children.length, 40);
    assert.ok(children.every((p) => p.metadata.ownerReferences?.[0].uid === rs.metadata.uid));
  });

  it('scales children down with UID-tracked deletions', async () => {
    await store.create(replicaSet('web', 6));
    const c = controller({ for: 'ReplicaSet', owns: ['Pod'], reconcile: reconcileChildren(10) });
    await c.start();
    await waitFor(async () => (await pods()).length === 6);
    await store.guaranteedUpdate<KubeObject>('ReplicaSet', 'default', 'web', (r) => ({
      ...r,
      spec: { ...r.spec, replicas: 2 },
    }));
    await waitFor(async () => (await pods()).length === 2);
    await waitFor(() => c.expectations.satisfiedExpectations('default/web'));
    assert.equal(c.expectations.pendingDeletions('default/web').size, 0);
  });

  it('a runner killed mid-way and restarted ends with exactly N children', async () => {
    const N = 150;
    const cluster = uniqueName('kill');
    const s = await connectStore(redis, cluster);
    extraStores.push(s);
    const rs = await s.create(replicaSet('web', N));
    const main = fileURLToPath(new URL('./fixtures/child-creator-main.ts', import.meta.url));
    const run = () =>
      spawn(process.execPath, ['--import', 'tsx', main], {
        env: {
          ...process.env,
          REDIS_URL: redis.url,
          KSIM_CLUSTER: cluster,
          KSIM_LOG_LEVEL: 'info',
          CHILD_BATCH: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
    const exited = (p: ChildProcess) =>
      new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.once('exit', r)));

    const first = run();
    try {
      await waitFor(async () => (await pods(s)).length >= N / 4, {
        timeoutMs: 20_000,
        message: 'first run creates some',
      });
    } finally {
      first.kill('SIGKILL');
    }
    await exited(first);
    const afterKill = (await pods(s)).length;
    assert.ok(afterKill < N, `killed mid-way (${afterKill} of ${N} created)`);

    const second = run();
    let out = '';
    second.stdout?.on('data', (d) => {
      out += d;
    });
    try {
      await waitFor(async () => (await pods(s)).length >= N, {
        timeoutMs: 30_000,
        message: 'restarted run finishes',
      });
    } finally {
      second.kill('SIGTERM'); // graceful: in-flight creates complete before it exits
    }
    assert.equal(await exited(second), 0);
    const children = await pods(s);
    assert.equal(children.length, N, 'nothing created twice');
    assert.equal(new Set(children.map((p) => p.metadata.name)).size, N);
    assert.ok(children.every((p) => p.metadata.ownerReferences?.[0].uid === rs.metadata.uid));
    const synced = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'informer synced');
    assert.ok(synced, 'the restarted runner logs its sync');
    assert.equal(synced.objects, afterKill + 1, 'it started from what the first run had created');
    assert.equal(typeof synced.events, 'number');
    assert.equal(typeof synced.ms, 'number');
  });

  it('only the leader reconciles, and a follower takes over when the leader is cut off', async () => {
    const proxy = await TcpProxy.start(redis.port);
    const cluster = uniqueName('lead');
    const s1 = await connectStore({ url: proxy.url } as TestRedis, cluster);
    const s2 = await connectStore(redis, cluster);
    extraStores.push(s2);
    const writer = await connectStore(redis, cluster);
    extraStores.push(writer);
    const calls: Array<{ who: string; leading: boolean }> = [];
    const make = (who: string, s: Store) => {
      const c: Controller = new Controller({
        name: `leader-${who}`,
        store: s,
        for: 'ConfigMap',
        clock: new Clock(0.02),
        log: memoryLogger(),
        leaderElection: { leaseName: 'cm-controller', identity: who },
        reconcile: () => {
          calls.push({ who, leading: c.isLeader() });
          return undefined;
        },
      });
      return c;
    };
    const c1 = make('one', s1);
    cleanups.push(async () => {
      proxy.restore(); // its store has calls waiting on the cut link: let them finish before closing
      await c1.stop();
      await s1.close();
      await proxy.close();
    });
    await c1.start();
    await waitFor(() => c1.isLeader());
    const c2 = make('two', s2);
    controllers.push(c2);
    await c2.start();
    await writer.create(configMap('a'));
    await waitFor(() => calls.some((c) => c.who === 'one'));
    assert.equal(c2.isLeader(), false);

    proxy.cut();
    await waitFor(() => c2.isLeader(), { timeoutMs: 10_000 });
    assert.equal(c1.isLeader(), false);
    await writer.create(configMap('b'));
    await waitFor(() => calls.filter((c) => c.who === 'two').length >= 2, {
      message: 'the new leader reconciles everything',
    });
    assert.ok(
      calls.every((c) => c.leading),
      'no reconcile ran outside a leadership term',
    );
    assert.deepEqual([...new Set(calls.map((c) => c.who))].sort(), ['one', 'two']);
  });

  it('retries a failing reconcile with backoff and forgets the failures after success', async () => {
    let attempts = 0;
    const c = controller({
      for: 'ConfigMap',
      reconcile: () => {
        attempts++;
        if (attempts < 4) throw new Error('boom');
        return undefined;
      },
    });
    await c.start();
    await store.create(configMap('x'));
    await waitFor(() => attempts >= 4);
    await waitFor(() => c.queue.numRequeues('default/x') === 0, { message: 'forgotten after success' });
    assert.equal(attempts, 4);
  });

  it('requeueAfter reconciles the key again later', async () => {
    const seen: number[] = [];
    const c = controller({
      for: 'ConfigMap',
      reconcile: (): ReconcileResult => {
        seen.push(seen.length);
        return seen.length < 3 ? { requeueAfterMs: 1_000 } : {};
      },
    });
    await c.start();
    await store.create(configMap('x'));
    await waitFor(() => seen.length >= 3);
  });

  it('retries a conflict at once, without waiting for the backoff', async () => {
    let attempts = 0;
    const log = memoryLogger();
    const c = controller({
      for: 'ConfigMap',
      log,
      // Backoff of an hour (real time): only an immediate retry can finish this test.
      clock: new Clock(1),
      rateLimiter: new ItemExponentialFailureRateLimiter(3_600_000, 3_600_000),
      reconcile: (key, cache) => {
        attempts++;
        const cm = cache.get('ConfigMap', 'default', key.split('/')[1]);
        if (!cm || (cm.data as Record<string, string>).done) return undefined;
        // The first attempt writes on top of a version that is not the stored one.
        const metadata = attempts === 1 ? { ...cm.metadata, resourceVersion: '999999' } : cm.metadata;
        return { actions: [{ type: 'update', object: { ...cm, metadata, data: { done: 'yes' } } }] };
      },
    });
    await c.start();
    await store.create(configMap('x'));
    const done = async () => {
      const cm = await store.get<KubeObject>('ConfigMap', 'default', 'x');
      return (cm?.data as Record<string, string> | undefined)?.done === 'yes';
    };
    await waitFor(done, { timeoutMs: 10_000 });
    assert.ok(attempts >= 2);
    assert.ok(log.lines().some((l) => l.msg === 'conflict, requeueing'));
  });

  it('maps owned objects to their controller and custom watches to their keys', async () => {
    const keys: string[] = [];
    const rs = await store.create(replicaSet('web', 0));
    const c = controller({
      for: 'ReplicaSet',
      owns: ['Pod'],
      watches: [
        { kind: 'ConfigMap', keyFor: (o) => [`default/${(o.data as Record<string, string>)?.target ?? ''}`] },
      ],
      reconcile: (key) => {
        keys.push(key);
        return undefined;
      },
    });
    await c.start();
    await waitFor(() => keys.includes('default/web'));
    keys.length = 0;
    await store.create(pod('child', { owner: rs }));
    await waitFor(() => keys.includes('default/web'));
    keys.length = 0;
    await store.create(pod('stranger'));
    await store.create(configMap('pointer', { target: 'elsewhere' }));
    await waitFor(() => keys.includes('default/elsewhere'));
    assert.ok(!keys.includes('default/stranger'), 'an object without a controller maps to nothing');
    assert.ok(!keys.includes('default/child'));
  });
});
