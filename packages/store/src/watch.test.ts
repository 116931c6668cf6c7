// Watches and log reads against a real Redis: exact delivery from a revision, across a dropped connection and a
// Redis restart (AOF), and 410 Expired behind compaction.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { isStatusError, type KubeObject } from '@kubesim/api';
import { TcpProxy, TestRedis, uniqueName, waitFor } from '@kubesim/testing';
import { Redis } from 'ioredis';
import { Store } from './store.js';
import { configMap, connectStore, pod, take } from './test-support.js';
import type { LogEvent, RawLogEvent } from './types.js';

async function bump(store: Store, name: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await store.guaranteedUpdate<KubeObject>('ConfigMap', 'default', name, (c) => ({
      ...c,
      data: { n: String(i) },
    }));
  }
}

const revisions = (events: { revision: number }[]) => events.map((e) => e.revision);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function collectLog(store: Store, from: number, opts?: { toRevision?: number; batchSize?: number }) {
  const out: RawLogEvent[] = [];
  for await (const batch of store.readLog(from, opts)) out.push(...batch);
  return out;
}

describe('Store watch and log', () => {
  describe('on a plain Redis', () => {
    let redis: TestRedis;
    let store: Store;
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
      await store.close();
    });

    it('delivers exactly the events after the revision, in order, with their objects', async () => {
      await store.create(configMap('w'));
      const from = await store.revision();
      await bump(store, 'w', 3);
      await store.delete('ConfigMap', 'default', 'w');
      const w = store.watch({ fromRevision: from });
      const events = await take(w[Symbol.asyncIterator](), 4);
      assert.deepEqual(revisions(events), range(from + 1, from + 4));
      assert.deepEqual(
        events.map((e) => e.type),
        ['MODIFIED', 'MODIFIED', 'MODIFIED', 'DELETED'],
      );
      for (const e of events) {
        assert.equal(e.object.metadata.resourceVersion, String(e.revision));
        assert.equal(e.namespace, 'default');
        assert.equal(e.name, 'w');
      }
      assert.equal(w.revision, from + 4);
      w.stop();
    });

    it('list then watch from its revision sees every later change once', async () => {
      await store.create(configMap('l1'));
      const listed = await store.list('ConfigMap');
      const w = store.watch({ fromRevision: listed.revision });
      await store.create(configMap('l2'));
      await bump(store, 'l1', 1);
      const events = await take(w[Symbol.asyncIterator](), 2);
      assert.deepEqual(
        events.map((e) => [e.type, e.name]),
        [
          ['ADDED', 'l2'],
          ['MODIFIED', 'l1'],
        ],
      );
      w.stop();
    });

    it('filters by kind but keeps its position in the log', async () => {
      const from = await store.revision();
      await store.create(configMap('k1'));
      await store.create(pod('k2'));
      await store.create(configMap('k3'));
      const w = store.watch({ fromRevision: from, kinds: ['Pod'] });
      const [only] = await take(w[Symbol.asyncIterator](), 1);
      assert.equal(only.kind, 'Pod');
      assert.equal(only.revision, from + 2);
      await store.create(pod('k4'));
      const [next] = await take(w[Symbol.asyncIterator](), 1);
      assert.equal(next.name, 'k4');
      assert.equal(w.revision, from + 4);
      w.stop();
    });

    it('revision never runs ahead of what was handed out, so a watch resumed from it misses nothing', async () => {
      await store.create(configMap('pos'));
      const from = await store.revision();
      await bump(store, 'pos', 5);
      const w = store.watch({ fromRevision: from });
      const [first] = await take(w[Symbol.asyncIterator](), 1);
      assert.equal(w.revision, first.revision);
      w.stop();
      const resumed = store.watch({ fromRevision: w.revision });
      assert.deepEqual(revisions(await take(resumed[Symbol.asyncIterator](), 4)), range(from + 2, from + 5));
      resumed.stop();
    });

    it('overlapping next() calls get successive events', async () => {
      await store.create(configMap('overlap'));
      const from = await store.revision();
      await bump(store, 'overlap', 3);
      const it = store.watch({ fromRevision: from })[Symbol.asyncIterator]();
      const got = await Promise.all([it.next(), it.next(), it.next()]);
      assert.deepEqual(
        got.map((r) => (r.value as LogEvent).revision),
        range(from + 1, from + 3),
      );
      await it.return?.();
    });

    it('stop() ends a watch blocked waiting for events', async () => {
      const w = store.watch({ fromRevision: await store.revision() });
      const pending = w[Symbol.asyncIterator]().next();
      setImmediate(() => w.stop());
      assert.deepEqual(await pending, { value: undefined, done: true });
    });

    it('survives its connection being killed: no event skipped or repeated', async () => {
      await store.create(configMap('k'));
      const from = await store.revision();
      const w = store.watch({ fromRevision: from });
      const it = w[Symbol.asyncIterator]();
      await bump(store, 'k', 5);
      const first = await take(it, 5);
      const admin = new Redis(redis.url);
      const received: LogEvent[] = [...first];
      const reading = take(it, 10);
      for (let round = 0; round < 3; round++) {
        const killed = await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
        assert.ok(Number(killed) > 0);
        await bump(store, 'k', 3);
      }
      await bump(store, 'k', 1);
      received.push(...(await reading));
      assert.deepEqual(revisions(received), range(from + 1, from + 15));
      admin.disconnect();
      w.stop();
    });

    it('readLog returns events after a revision in batches, up to an optional end', async () => {
      await store.create(configMap('r'));
      const from = await store.revision();
      await bump(store, 'r', 25);
      const all = await collectLog(store, from, { batchSize: 7 });
      assert.deepEqual(revisions(all), range(from + 1, from + 25));
      assert.ok(all.every((e) => e.type === 'MODIFIED' && e.key === 'default/r' && e.kind === 'ConfigMap'));
      assert.equal(JSON.parse(all[3].json).metadata.resourceVersion, String(from + 4));
      const some = await collectLog(store, from, { toRevision: from + 10, batchSize: 4 });
      assert.deepEqual(revisions(some), range(from + 1, from + 10));
      assert.deepEqual(await collectLog(store, from + 25), []);
    });

    it('compaction: watches and log reads from below the compacted revision get 410 Expired', async () => {
      await store.create(configMap('c'));
      await bump(store, 'c', 20);
      const head = await store.revision();
      const stale = store.watch({ fromRevision: head - 15 });
      // This one reads (and buffers) up to `head`, then falls behind while the log is trimmed past it.
      const behind = store.watch({ fromRevision: head - 15 });
      const [firstOfBehind] = await take(behind[Symbol.asyncIterator](), 1);
      assert.equal(firstOfBehind.revision, head - 14);
      await bump(store, 'c', 10);

      const compacted = await store.compact(5);
      assert.equal(compacted, head + 5);
      assert.equal(await store.compactedRevision(), head + 5);
      assert.equal(await store.compact(50), head + 5, 'compaction never moves back');

      const expired = (err: unknown) => {
        assert.ok(isStatusError(err, 'Expired'));
        assert.equal(err.status.code, 410);
        assert.equal(err.status.message, `too old resource version: ${head - 15} (${head + 5})`);
        return true;
      };
      await assert.rejects(stale[Symbol.asyncIterator]().next(), expired);
      await assert.rejects(collectLog(store, head - 15), expired);
      await assert.rejects(store.replay(), (err) => isStatusError(err, 'Expired'));
      await assert.rejects(store.verify(), (err) => isStatusError(err, 'Expired'));
      await assert.rejects(take(behind[Symbol.asyncIterator](), 100), (err) => {
        assert.ok(isStatusError(err, 'Expired'));
        assert.equal(err.status.message, `too old resource version: ${head} (${head + 5})`);
        return true;
      });

      const fresh = store.watch({ fromRevision: head + 5 });
      await bump(store, 'c', 1);
      const events = await take(fresh[Symbol.asyncIterator](), 6);
      assert.deepEqual(revisions(events), range(head + 6, head + 11));
      assert.deepEqual(revisions(await collectLog(store, head + 5)), range(head + 6, head + 11));
      fresh.stop();
      const state = await store.get('ConfigMap', 'default', 'c');
      assert.equal(state?.metadata.resourceVersion, String(head + 11));

      assert.equal(await store.compact(0, { upTo: head + 3 }), head + 5, 'nor when bounded below it');
      assert.equal(
        await store.compact(2, { upTo: head + 7 }),
        head + 7,
        'the bound, when below head - retain',
      );
      assert.equal(
        await store.compact(2, { upTo: head + 100 }),
        head + 9,
        'head - retain, when below the bound',
      );
    });
  });

  describe('across a Redis restart with AOF', () => {
    let redis: TestRedis;
    before(async () => {
      redis = await TestRedis.start({ appendOnly: true });
    });
    after(async () => {
      await redis.destroy();
    });

    it('resumes from the last delivered revision: no event skipped or repeated, state intact', async () => {
      const logs: string[] = [];
      const store = await connectStore(redis, (m) => logs.push(m));
      await store.create(configMap('aof'));
      const from = await store.revision();
      const w = store.watch({ fromRevision: from });
      const it = w[Symbol.asyncIterator]();
      await bump(store, 'aof', 4);
      const received = await take(it, 4);

      await redis.restart();
      await bump(store, 'aof', 4);
      received.push(...(await take(it, 4)));
      assert.deepEqual(revisions(received), range(from + 1, from + 8));
      assert.ok(
        logs.some((m) => m.startsWith('redis unreachable')),
        'reconnect attempts are logged',
      );
      assert.ok(
        logs.every((m) => !m.includes('\n')),
        'one line each, no stack traces',
      );
      const state = await store.get('ConfigMap', 'default', 'aof');
      assert.equal(state?.metadata.resourceVersion, String(from + 8));
      assert.equal((await store.verify()).ok, true);
      w.stop();
      await store.close();
    });

    it('stop() and close() end a watch and a read waiting for Redis to come back', async () => {
      const logs: string[] = [];
      const store = await connectStore(redis, (m) => logs.push(m));
      const w = store.watch({ fromRevision: await store.revision() });
      const next = w[Symbol.asyncIterator]().next();
      await redis.stop();
      // Both connections are between reconnect attempts: ioredis alone would leave their commands queued forever.
      await waitFor(() => logs.filter((m) => m.startsWith('redis unreachable')).length >= 2);
      const read = store.get('ConfigMap', 'default', 'never');
      w.stop();
      assert.deepEqual(await next, { value: undefined, done: true });
      await store.close();
      await assert.rejects(read);
      await redis.restart();
    });

    it('stop() ends a watch whose read was in flight when its link broke and a reconnect failed since', async () => {
      // ioredis parks the commands of a dropped link for a resend and, once a reconnect has connected and
      // dropped again, keeps them out of the queues a disconnect fails: closing must fail them too.
      const proxy = await TcpProxy.start(redis.port);
      const attempts: number[] = [];
      const store = await Store.connect({
        url: proxy.url,
        cluster: uniqueName('store'),
        log: (_l, _m, f) => {
          const { connection, attempt } = f as { connection: string; attempt?: number };
          if (connection.startsWith('ksim-watch') && attempt) attempts.push(attempt);
        },
      });
      const admin = new Redis(redis.url);
      try {
        const w = store.watch({ fromRevision: await store.revision() });
        const next = w[Symbol.asyncIterator]().next();
        await waitFor(async () => String(await admin.client('LIST')).includes('cmd=xread'));
        proxy.cut();
        await waitFor(() => attempts.includes(2));
        w.stop();
        const ended = await Promise.race([next, sleep(10_000).then(() => 'still waiting')]);
        assert.deepEqual(ended, { value: undefined, done: true });
      } finally {
        admin.disconnect();
        await store.close();
        await proxy.close();
      }
    });

    it('a watch opened while Redis is down waits and then delivers', async () => {
      const store = await connectStore(redis);
      await store.create(configMap('down'));
      const from = await store.revision();
      await redis.stop();
      const w = store.watch({ fromRevision: from });
      const next = w[Symbol.asyncIterator]().next();
      const write = bump(store, 'down', 1);
      await redis.restart();
      await write;
      const first = await next;
      assert.equal(first.done, false);
      assert.equal((first.value as LogEvent).revision, from + 1);
      w.stop();
      await waitFor(async () => (await store.revision()) === from + 1);
      await store.close();
    });
  });
});
