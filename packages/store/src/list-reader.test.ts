// Lists read in pages against a real Redis while other clients write: every list is exactly the fold of the log
// at the revision it reports (creates, updates, deletes and re-creates landing between pages included), for a
// whole kind and for one namespace, also when compaction takes the window the pages are repaired from.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { KubeObject } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import type { Store } from './store.js';
import { configMap, connectStore } from './test-support.js';

/** Enough objects for several HSCAN pages. */
const OBJECTS = 3000;
const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];

const identity = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
const byIdentity = (objs: KubeObject[]) => new Map(objs.map((o) => [identity(o), o]));

describe('Store list in pages', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let store: Store;
  let writer: Store;
  /** Every write of the writer, in revision order: the test's own fold of what the log held. */
  let history: { revision: number; key: string; object?: KubeObject }[];
  const record = (object: KubeObject, removed = false) => {
    history.push({
      revision: Number(object.metadata.resourceVersion),
      key: identity(object),
      object: removed ? undefined : object,
    });
  };
  before(async () => {
    redis = await TestRedis.start();
  });
  after(async () => {
    await redis.destroy();
  });
  beforeEach(async () => {
    store = await connectStore(redis);
    // Another client on the same cluster: its writes land between the list's pages.
    writer = await (store.constructor as typeof Store).connect({ url: redis.url, cluster: store.cluster });
    history = [];
    for (let i = 0; i < OBJECTS; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          writer
            .create(configMap(`cm-${i + k}`, { v: '0' }, NAMESPACES[(i + k) % NAMESPACES.length]))
            .then((o) => record(o)),
        ),
      );
    }
  });
  afterEach(async () => {
    await writer.close();
    await store.close();
  });

  /** Creates, updates, deletes and re-creates objects until stopped; runs `between` after each write. */
  function churn(between: () => Promise<unknown> = async () => {}): { stop: () => Promise<number> } {
    let running = true;
    let writes = 0;
    const done = (async () => {
      for (let n = 0; running; n++) {
        const i = n % OBJECTS;
        const ns = NAMESPACES[i % NAMESPACES.length];
        const name = `cm-${i}`;
        const current = await writer.get<KubeObject>('ConfigMap', ns, name);
        if (!current) record(await writer.create(configMap(name, { v: String(n) }, ns)));
        else if (n % 3 === 0) record((await writer.delete('ConfigMap', ns, name)).object, true);
        else record(await writer.update({ ...current, data: { v: String(n) } }));
        record(await writer.create(configMap(`new-${n}`, {}, ns)));
        writes++;
        await between();
      }
    })();
    return {
      stop: async () => {
        running = false;
        await done;
        return writes;
      },
    };
  }

  /** What an atomic read at `revision` would have returned: the fold of the writes up to it. */
  function foldAt(revision: number, namespace?: string): Map<string, KubeObject> {
    const state = new Map<string, KubeObject>();
    for (const w of [...history].sort((a, b) => a.revision - b.revision)) {
      if (w.revision > revision) break;
      if (w.object) state.set(w.key, w.object);
      else state.delete(w.key);
    }
    if (namespace !== undefined)
      for (const k of state.keys()) if (!k.startsWith(`${namespace}/`)) state.delete(k);
    return state;
  }

  it('a whole kind is one snapshot at its revision while writes land between pages', async () => {
    const writes = churn();
    const lists = [];
    for (let i = 0; i < 5; i++) lists.push(await store.list('ConfigMap'));
    assert.ok((await writes.stop()) > 0, 'writes landed during the lists');
    for (const list of lists) {
      assert.equal(list.items.length, byIdentity(list.items).size, 'no object twice');
      assert.deepEqual(byIdentity(list.items), foldAt(list.revision));
    }
  });

  it('one namespace is one snapshot at its revision while writes land between pages', async () => {
    const writes = churn();
    const lists = [];
    for (let i = 0; i < 20; i++) lists.push(await store.list('ConfigMap', { namespace: 'ns-b' }));
    await writes.stop();
    for (const list of lists) {
      assert.ok(list.items.every((o) => o.metadata.namespace === 'ns-b'));
      assert.deepEqual(byIdentity(list.items), foldAt(list.revision, 'ns-b'));
    }
  });

  it('stays one snapshot when compaction takes the log it would be repaired from', async () => {
    const writes = churn(() => writer.compact(0));
    const lists = [];
    for (let i = 0; i < 5; i++) lists.push(await store.list('ConfigMap'));
    await writes.stop();
    for (const list of lists) {
      assert.equal(list.items.length, byIdentity(list.items).size, 'no object twice');
      assert.deepEqual(byIdentity(list.items), foldAt(list.revision));
    }
  });

  it('hands every stored JSON to the decoder it is given', async () => {
    const { items, revision } = await store.list('ConfigMap', {
      namespace: 'ns-a',
      decode: (json) => ({ ...JSON.parse(json), decoded: true }),
    });
    assert.equal(items.length, OBJECTS / NAMESPACES.length);
    assert.ok(items.every((o) => (o as KubeObject & { decoded?: boolean }).decoded));
    assert.equal(revision, await store.revision());
  });

  describe('across a Redis restart with AOF', () => {
    let aof: TestRedis;
    before(async () => {
      aof = await TestRedis.start({ appendOnly: true });
    });
    after(async () => {
      await aof.destroy();
    });

    it('a list cut by a restart between pages still has every object once', async () => {
      const restarting = await connectStore(aof);
      try {
        for (let i = 0; i < OBJECTS; i += 100) {
          await Promise.all(
            Array.from({ length: 100 }, (_, k) => restarting.create(configMap(`cm-${i + k}`, {}, 'ns-a'))),
          );
        }
        let restart: Promise<void> | undefined;
        const list = await restarting.list('ConfigMap', {
          decode: (json) => {
            // At the first object decoded the server is down before the scan goes on (a blocking shutdown),
            // so later pages are read from the restarted server, whose hash has a new seed.
            if (!restart) {
              execFileSync('redis-cli', ['-p', String(aof.port), 'shutdown']);
              restart = aof.restart();
            }
            return JSON.parse(json) as KubeObject;
          },
        });
        await restart;
        assert.equal(list.items.length, OBJECTS);
        assert.equal(byIdentity(list.items).size, OBJECTS, 'no object twice');
        assert.equal(list.revision, await restarting.revision());
      } finally {
        await restarting.close();
      }
    });
  });
});
