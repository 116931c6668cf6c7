// Replay and verify against a real Redis: fold(log) equals the projection after a random workload, replay stops
// at any revision, and verify notices a projection that disagrees with the log.
import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import { seededRandom, TestRedis } from '@kubesim/testing';
import { Redis } from 'ioredis';
import type { Store } from './store.js';
import { configMap, connectStore, deployment, node, pod } from './test-support.js';

const KINDS = ['ConfigMap', 'Pod', 'Deployment', 'Node'] as const;
const KEYS_PER_KIND = 75;

function make(kind: (typeof KINDS)[number], i: number): KubeObject {
  const name = `obj-${i}`;
  const ns = `ns-${i % 3}`;
  switch (kind) {
    case 'ConfigMap':
      return configMap(name, { v: '0' }, ns);
    case 'Pod':
      return pod(name, ns);
    case 'Deployment':
      return deployment(name, 1, ns);
    case 'Node':
      return node(name);
  }
}

const byIdentity = (objs: KubeObject[]) =>
  Object.fromEntries(objs.map((o) => [`${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]));

async function snapshot(store: Store): Promise<{ revision: number; objects: Record<string, KubeObject> }> {
  const lists = await Promise.all(KINDS.map((k) => store.list(k)));
  const revisions = new Set(lists.map((l) => l.revision));
  assert.equal(revisions.size, 1, 'no writes while taking a snapshot');
  return { revision: lists[0].revision, objects: byIdentity(lists.flatMap((l) => l.items)) };
}

describe('Store replay and verify', () => {
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

  it('fold(log) == projection after 10,000 random operations over several kinds', async function () {
    this.timeout(120_000);
    const rnd = seededRandom(20240501);
    const live = new Map<string, KubeObject>();
    const OPERATIONS = 10_000;
    const CONCURRENCY = 16;

    // Operations on one object are serialized (as one controller's would be); different objects run concurrently.
    const busy = new Set<string>();
    const pick = () => {
      for (;;) {
        const kind = KINDS[Math.floor(rnd() * KINDS.length)];
        const obj = make(kind, Math.floor(rnd() * KEYS_PER_KIND));
        const id = `${kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
        if (!busy.has(id)) return { kind, obj, id };
      }
    };
    const step = async () => {
      const { kind, obj, id } = pick();
      busy.add(id);
      try {
        await operate(kind, obj, id);
      } finally {
        busy.delete(id);
      }
    };
    const operate = async (kind: (typeof KINDS)[number], obj: KubeObject, id: string) => {
      if (!live.has(id)) {
        live.set(id, obj);
        await store.create(obj);
        return;
      }
      const roll = rnd();
      if (roll < 0.2) {
        live.delete(id);
        await store.delete(kind, obj.metadata.namespace ?? '', obj.metadata.name as string, {
          gracePeriodSeconds: 0,
        });
      } else if (roll < 0.35 && kind !== 'ConfigMap') {
        await store.guaranteedUpdate<KubeObject>(
          kind,
          obj.metadata.namespace ?? '',
          obj.metadata.name as string,
          (cur) => ({ ...cur, status: { ...cur.status, observedGeneration: cur.metadata.generation } }),
          { subresource: 'status' },
        );
      } else {
        await store.guaranteedUpdate<KubeObject>(
          kind,
          obj.metadata.namespace ?? '',
          obj.metadata.name as string,
          (cur) => {
            cur.metadata.labels = { ...cur.metadata.labels, touched: String(Math.floor(rnd() * 1000)) };
            if (kind === 'ConfigMap') cur.data = { v: String(Number((cur.data as { v: string }).v) + 1) };
            if (kind === 'Deployment') cur.spec.replicas = Math.floor(rnd() * 5);
            return cur;
          },
        );
      }
    };

    const run = (operations: number) => {
      let issued = 0;
      return Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (issued++ < operations) await step();
        }),
      );
    };
    await run(OPERATIONS / 2);
    const midway = await snapshot(store);
    await run(OPERATIONS / 2);
    assert.equal(busy.size, 0);

    const result = await store.verify();
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.ok, true);
    assert.equal(result.revision, await store.revision());

    const final = await snapshot(store);
    const replayed = await store.replay();
    assert.equal(replayed.revision, final.revision);
    assert.equal(replayed.events, final.revision);
    assert.deepEqual(byIdentity(replayed.items), final.objects);

    const atMidway = await store.replay({ toRevision: midway.revision });
    assert.equal(atMidway.revision, midway.revision);
    assert.deepEqual(byIdentity(atMidway.items), midway.objects);

    const onlyPods = await store.replay({ kinds: ['Pod'] });
    assert.deepEqual(
      byIdentity(onlyPods.items),
      byIdentity(Object.values(final.objects).filter((o) => o.kind === 'Pod')),
    );
  });

  it('replays from the event index, reads the log where the index lacks a range, and verify checks the index', async () => {
    // 2,500 events span two index chunks (2,000 revisions each).
    for (let i = 0; i < 250; i++) {
      const batch = Array.from({ length: 10 }, (_, k) => configMap(`cm-${i}-${k}`, { v: '0' }));
      await Promise.all(batch.map((o) => store.create(o)));
    }
    const raw = new Redis(redis.url);
    const scriptCalls = async () => {
      const stats = String(await raw.info('commandstats'));
      const calls = (cmd: string) => Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
      return calls('eval') + calls('evalsha');
    };
    const chunk = (n: number) => `ksim:{${store.cluster}}:events:${n}`;
    try {
      const expected = byIdentity((await store.list('ConfigMap')).items);
      const before = await scriptCalls();
      const indexed = await store.replay();
      assert.equal(indexed.events, 2500);
      assert.deepEqual(byIdentity(indexed.items), expected);
      // Only the survivors' objects were fetched by script (500 per call): no range was read from the log.
      assert.equal((await scriptCalls()) - before, 5);

      // A cluster written before the index existed has no chunk, or one that begins late.
      await raw.del(chunk(0));
      const tail = (await raw.get(chunk(1))) as string;
      await raw.set(chunk(1), tail.slice(tail.indexOf('\n') + 1));
      const fromLog = await store.replay();
      assert.equal(fromLog.events, 2500);
      assert.deepEqual(byIdentity(fromLog.items), expected);
      assert.deepEqual((await store.verify()).mismatches, [], 'an index that lacks ranges is not wrong');
      // One that holds a range but says something else about it is.
      await raw.set(chunk(1), `2001 DELETED ConfigMap default/ghost\n${await raw.get(chunk(1))}`);
      assert.deepEqual((await store.verify()).mismatches, [
        'event index: revisions 2001..2500 differ from the log',
      ]);

      await store.compact(100);
      assert.deepEqual(
        await raw.exists(chunk(0), chunk(1)),
        1,
        'chunk 0 is wholly compacted, chunk 1 is not',
      );
    } finally {
      raw.disconnect();
    }
  });

  it('verify reports a projection that disagrees with the log', async () => {
    await store.create(configMap('a', { v: '1' }));
    await store.create(configMap('b', { v: '1' }));
    await store.create(configMap('c', { v: '1' }));
    assert.deepEqual(await store.verify(), { ok: true, revision: 3, mismatches: [] });

    const raw = new Redis(redis.url);
    const hash = `ksim:{${store.cluster}}:objects:ConfigMap`;
    const b = (await raw.hget(hash, 'default/b')) as string;
    await raw.hset(hash, 'default/b', b.replace('"v":"1"', '"v":"2"'));
    await raw.hdel(hash, 'default/c');
    await raw.hset(hash, 'default/ghost', b);
    raw.disconnect();

    const result = await store.verify();
    assert.equal(result.ok, false);
    assert.deepEqual(result.mismatches.sort(), [
      "ConfigMap default/b: projection differs from the log's last event (revision 2)",
      'ConfigMap default/c: in the log (revision 3) but not in the projection',
      'ConfigMap default/ghost: in the projection but deleted or absent in the log',
    ]);
  });
});
