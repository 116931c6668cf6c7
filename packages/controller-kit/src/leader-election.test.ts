import assert from 'node:assert/strict';
import type { Store } from '@kubesim/store';
import { TcpProxy, TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { Clock } from './clock.js';
import { LeaderElector, type LeaderElectorOptions } from './leader-election.js';
import { connectStore, memoryLogger } from './test-support.js';

// 1 simulated second = 20 real ms: lease 300 ms, renew deadline 200 ms, retry period 40 ms.
const clock = new Clock(0.02);
const LEASE_MS = 15_000;

interface Candidate {
  elector: LeaderElector;
  run: AbortController;
  done: Promise<void>;
  /** Real epoch ms of each start and stop of leading. */
  started: number[];
  stopped: number[];
  /** Signals handed to onStartedLeading, one per term. */
  terms: AbortSignal[];
}

describe('LeaderElector', function () {
  this.timeout(30_000);
  let redis: TestRedis;
  const stores: Store[] = [];
  const candidates: Candidate[] = [];

  before(async () => {
    redis = await TestRedis.start();
  });
  after(async () => {
    await redis.destroy();
  });
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    const stopping = candidates.splice(0);
    for (const c of stopping) c.run.abort();
    await Promise.all(stopping.map((c) => c.done));
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  function candidate(store: Store, identity: string, extra: Partial<LeaderElectorOptions> = {}): Candidate {
    const c = { started: [], stopped: [], terms: [] } as unknown as Candidate;
    c.elector = new LeaderElector({
      store,
      leaseName: 'ctrl',
      identity,
      clock,
      log: memoryLogger(),
      onStartedLeading: (signal) => {
        c.started.push(Date.now());
        c.terms.push(signal);
      },
      onStoppedLeading: () => c.stopped.push(Date.now()),
      ...extra,
    });
    c.run = new AbortController();
    c.done = c.elector.run(c.run.signal);
    candidates.push(c);
    return c;
  }

  /** Two stores on one cluster: two processes as far as Redis can tell. */
  async function twoStores(url?: string): Promise<[Store, Store]> {
    const cluster = uniqueName('le');
    const a = await (url ? connectStore({ url } as TestRedis, cluster) : connectStore(redis, cluster));
    const b = await connectStore(redis, cluster);
    stores.push(a, b);
    return [a, b];
  }

  async function renewals(store: Store, n: number): Promise<void> {
    let last = (await store.getLease('ctrl'))?.expiresAt ?? 0;
    for (let seen = 0; seen < n; ) {
      const now = await waitFor(async () => {
        const e = (await store.getLease('ctrl'))?.expiresAt ?? 0;
        return e > last ? e : undefined;
      });
      last = now;
      seen++;
    }
  }

  it('elects one leader; after it dies the follower takes over within two lease periods', async () => {
    const [s1, s2] = await twoStores();
    // A killed process never releases: model it by cancelling without release.
    const leader = candidate(s1, 'one', { releaseOnCancel: false });
    await waitFor(() => leader.elector.isLeader());
    const follower = candidate(s2, 'two');
    await renewals(s2, 3);
    assert.equal(follower.elector.isLeader(), false, 'the follower waits while the leader renews');
    assert.equal((await s2.getLease('ctrl'))?.holder, 'one');

    const lastExpiry = (await s2.getLease('ctrl'))?.expiresAt as number;
    leader.run.abort();
    await waitFor(() => follower.elector.isLeader(), { timeoutMs: 10_000 });
    const lastRenewal = lastExpiry - clock.toRealMs(LEASE_MS);
    const takeoverMs = follower.started[0] - lastRenewal;
    assert.ok(
      takeoverMs <= 2 * clock.toRealMs(LEASE_MS),
      `took over ${takeoverMs} ms after the last renewal (lease ${clock.toRealMs(LEASE_MS)} ms)`,
    );
    assert.equal((await s2.getLease('ctrl'))?.holder, 'two');
  });

  it('a leader cut off from Redis stops leading before anyone else can start', async () => {
    const proxy = await TcpProxy.start(redis.port);
    proxies.push(proxy);
    const [s1, s2] = await twoStores(proxy.url);
    const leader = candidate(s1, 'one');
    await waitFor(() => leader.elector.isLeader());
    const follower = candidate(s2, 'two');
    await renewals(s2, 2);
    proxy.cut();
    await waitFor(() => follower.elector.isLeader(), { timeoutMs: 10_000 });
    assert.equal(leader.terms[0].aborted, true, 'the old leader was told to stop');
    assert.equal(leader.stopped.length, 1);
    assert.ok(leader.stopped[0] <= follower.started[0], 'leadership never overlapped');
    assert.equal(leader.elector.isLeader(), false);
    proxy.restore(); // its renewal still waits on the cut connection; let it finish before the store closes
    await waitFor(async () => (await s1.getLease('ctrl'))?.holder === 'two');
  });

  it('hands the lease over at once when the leader stops gracefully', async () => {
    const [s1, s2] = await twoStores();
    const leader = candidate(s1, 'one');
    await waitFor(() => leader.elector.isLeader());
    const follower = candidate(s2, 'two');
    await renewals(s2, 1);
    const expiry = (await s2.getLease('ctrl'))?.expiresAt as number;
    leader.run.abort();
    await leader.done;
    assert.equal(leader.terms[0].aborted, true);
    await waitFor(() => follower.elector.isLeader(), { timeoutMs: 10_000 });
    assert.ok(follower.started[0] < expiry, 'did not wait for the released lease to lapse');
  });

  it('a leader whose lease was taken stops at its next renewal and campaigns again', async () => {
    const [s1, s2] = await twoStores();
    const leader = candidate(s1, 'one');
    await waitFor(() => leader.elector.isLeader());
    // Someone else holds it now (as if the leader had stalled past its lease).
    await s2.releaseLease('ctrl', 'one');
    assert.equal(await s2.acquireLease('ctrl', 'intruder', clock.toRealMs(LEASE_MS)), true);
    await waitFor(() => leader.terms[0].aborted);
    assert.equal(leader.elector.isLeader(), false);
    await s2.releaseLease('ctrl', 'intruder');
    await waitFor(() => leader.elector.isLeader(), { message: 'leads again once the lease is free' });
    assert.equal(leader.started.length, 2);
  });

  const invalid: Array<{ name: string; opts: Partial<LeaderElectorOptions>; error: RegExp }> = [
    {
      name: 'lease not longer than renew deadline',
      opts: { leaseDurationMs: 10_000, renewDeadlineMs: 10_000 },
      error: /leaseDuration/,
    },
    {
      name: 'renew deadline within the jittered retry',
      opts: { renewDeadlineMs: 2_400, retryPeriodMs: 2_000 },
      error: /renewDeadline/,
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}`, () => {
      assert.throws(
        () =>
          new LeaderElector({
            store: {} as Store,
            leaseName: 'x',
            identity: 'y',
            onStartedLeading: () => {},
            ...c.opts,
          }),
        c.error,
      );
    });
  }
});
