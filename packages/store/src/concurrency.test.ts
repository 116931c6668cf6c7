// Concurrent writers against a real Redis: optimistic concurrency never loses an update, stale writes get 409,
// and writes in flight when a connection drops or Redis restarts (AOF) land exactly once.
import assert from 'node:assert/strict';
import { isStatusError, type KubeObject } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import { Redis } from 'ioredis';
import { Store } from './store.js';
import { configMap, connectStore } from './test-support.js';
import type { RawLogEvent } from './types.js';

const WRITERS = 8;

const counterOf = (c: KubeObject | undefined) => Number((c?.data as Record<string, string> | undefined)?.n);

function increment(store: Store, name: string): Promise<KubeObject> {
  return store.guaranteedUpdate<KubeObject>('ConfigMap', 'default', name, (c) => ({
    ...c,
    data: { n: String(counterOf(c) + 1) },
  }));
}

async function eventsOf(store: Store, key: string, from: number): Promise<RawLogEvent[]> {
  const out: RawLogEvent[] = [];
  for await (const batch of store.readLog(from)) out.push(...batch.filter((e) => e.key === key));
  return out;
}

/** The counter's history in the log must be 1, 2, 3, … n: no increment lost, none applied twice. */
async function assertExactHistory(store: Store, name: string, from: number, total: number): Promise<void> {
  const events = await eventsOf(store, `default/${name}`, from);
  assert.deepEqual(
    events.map((e) => Number(JSON.parse(e.json).data.n)),
    Array.from({ length: total }, (_, i) => i + 1),
  );
  assert.equal(counterOf(await store.get('ConfigMap', 'default', name)), total);
}

describe('Store concurrency', () => {
  let redis: TestRedis;
  let stores: Store[];
  before(async () => {
    redis = await TestRedis.start({ appendOnly: true });
  });
  after(async () => {
    await redis.destroy();
  });
  beforeEach(async () => {
    const first = await connectStore(redis);
    stores = [first];
    // Writers in separate clients (as separate services would be), all on the first one's cluster.
    for (let i = 1; i < WRITERS; i++)
      stores.push(await Store.connect({ url: redis.url, cluster: first.cluster }));
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it(`${WRITERS} writers incrementing one counter with guaranteedUpdate lose no update`, async () => {
    const created = await stores[0].create(configMap('counter', { n: '0' }));
    const perWriter = 40;
    await Promise.all(
      stores.map(async (s) => {
        for (let i = 0; i < perWriter; i++) await increment(s, 'counter');
      }),
    );
    await assertExactHistory(
      stores[0],
      'counter',
      Number(created.metadata.resourceVersion),
      WRITERS * perWriter,
    );
  });

  it(`${WRITERS} writers updating with the resourceVersion they read: stale ones get 409, none is lost`, async () => {
    const created = await stores[0].create(configMap('cas', { n: '0' }));
    const perWriter = 15;
    let conflicts = 0;
    await Promise.all(
      stores.map(async (s) => {
        for (let done = 0; done < perWriter; ) {
          const current = (await s.get<KubeObject>('ConfigMap', 'default', 'cas')) as KubeObject;
          try {
            await s.update({ ...current, data: { n: String(counterOf(current) + 1) } });
            done++;
          } catch (err) {
            assert.ok(isStatusError(err, 'Conflict'), String(err));
            conflicts++;
          }
        }
      }),
    );
    assert.ok(conflicts >= WRITERS - 1, `expected conflicts, saw ${conflicts}`);
    await assertExactHistory(stores[0], 'cas', Number(created.metadata.resourceVersion), WRITERS * perWriter);
  });

  it('writes in flight while connections are killed land exactly once', async () => {
    const created = await stores[0].create(configMap('killed', { n: '0' }));
    const admin = new Redis(redis.url);
    let running = true;
    let acknowledged = 0;
    const writers = stores.map(async (s) => {
      while (running) {
        await increment(s, 'killed');
        acknowledged++;
      }
    });
    for (let round = 0; round < 10; round++) {
      const target = acknowledged + 30;
      while (acknowledged < target) await new Promise((r) => setImmediate(r));
      await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    }
    running = false;
    await Promise.all(writers);
    admin.disconnect();
    await assertExactHistory(stores[0], 'killed', Number(created.metadata.resourceVersion), acknowledged);
    assert.equal((await stores[0].verify()).ok, true);
  });

  it('writes in flight across a Redis restart (AOF) land exactly once, nothing lost', async () => {
    const created = await stores[0].create(configMap('restart', { n: '0' }));
    let running = true;
    let acknowledged = 0;
    const names: string[] = [];
    const writers = stores.map(async (s, w) => {
      for (let i = 0; running; i++) {
        await increment(s, 'restart');
        acknowledged++;
        const c = await s.create(configMap(`w${w}-${i}`, { i: String(i) }));
        names.push(c.metadata.name as string);
      }
    });
    for (let round = 0; round < 2; round++) {
      const target = acknowledged + 50;
      while (acknowledged < target) await new Promise((r) => setImmediate(r));
      await redis.restart();
    }
    const target = acknowledged + 50;
    while (acknowledged < target) await new Promise((r) => setImmediate(r));
    running = false;
    await Promise.all(writers);
    await assertExactHistory(stores[0], 'restart', Number(created.metadata.resourceVersion), acknowledged);
    const listed = (await stores[0].list('ConfigMap')).items.map((c) => c.metadata.name);
    for (const n of names) assert.ok(listed.includes(n), `${n} was acknowledged but is missing`);
    assert.equal((await stores[0].verify()).ok, true);
  });
});
