import assert from 'node:assert/strict';
import type { KubeObject } from '@kubesim/api';
import type { Store } from '@kubesim/store';
import { TestRedis, waitFor } from '@kubesim/testing';
import { Clock } from '../clock.js';
import {
  cacheSnapshot,
  configMap,
  connectStore,
  memoryLogger,
  pod,
  recordEvents,
  replicaSet,
  storeSnapshot,
} from '../test-support.js';
import { CONTROLLER_INDEX, LABEL_INDEX, NODE_INDEX } from './indexes.js';
import { Informer, type StartMode } from './informer.js';

const KINDS = ['Pod', 'ReplicaSet', 'ConfigMap'];
const fast = new Clock(0.01);

describe('Informer', function () {
  this.timeout(30_000);
  let redis: TestRedis;
  let store: Store;
  const running: Informer[] = [];

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
    await Promise.all(running.splice(0).map((i) => i.stop()));
    await store.close();
  });

  function informer(mode: StartMode, kinds = KINDS): Informer {
    const inf = new Informer({ store, kinds, startMode: mode, clock: fast, log: memoryLogger() });
    running.push(inf);
    return inf;
  }

  /** Waits until the informer has applied everything written so far. */
  async function caughtUp(inf: Informer): Promise<void> {
    const head = await store.revision();
    await waitFor(() => inf.revision >= head, { timeoutMs: 10_000, message: `informer at revision ${head}` });
  }

  /** A history with creates, updates and deletes of several kinds. */
  async function writeHistory(): Promise<void> {
    const rs = await store.create(replicaSet('web', 2));
    for (let i = 0; i < 5; i++) await store.create(pod(`web-${i}`, { labels: { app: 'web' }, owner: rs }));
    await store.create(configMap('settings', { a: '1' }));
    const cm = (await store.get<KubeObject>('ConfigMap', 'default', 'settings')) as KubeObject;
    await store.update({ ...cm, data: { a: '2' } });
    await store.delete('Pod', 'default', 'web-3', { gracePeriodSeconds: 0 });
    await store.guaranteedUpdate<KubeObject>('Pod', 'default', 'web-1', (p) => ({
      ...p,
      metadata: { ...p.metadata, labels: { app: 'web', tier: 'front' } },
    }));
    await store.create(configMap('other', {}, 'kube-system'));
  }

  for (const mode of ['listWatch', 'replay'] as StartMode[]) {
    it(`${mode}: syncs the current state, announces it as adds, then follows changes`, async () => {
      await writeHistory();
      const inf = informer(mode);
      const seen = recordEvents(inf, KINDS);
      inf.start();
      assert.equal(await inf.waitForSync(), true);
      assert.equal(inf.hasSynced(), true);
      assert.deepEqual(cacheSnapshot(inf, KINDS), await storeSnapshot(store, KINDS));
      assert.equal(seen.filter((s) => s.startsWith('add')).length, 7);
      assert.equal(inf.syncStats?.mode, mode);
      assert.equal(inf.syncStats?.objects, 7);

      seen.length = 0;
      await store.create(configMap('late'));
      await store.delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 });
      await store.guaranteedUpdate<KubeObject>('ConfigMap', 'default', 'late', (c) => ({
        ...c,
        data: { x: 'y' },
      }));
      await caughtUp(inf);
      assert.deepEqual(seen, [
        'add ConfigMap default/late',
        'delete Pod default/web-0',
        'update ConfigMap default/late',
      ]);
      assert.deepEqual(cacheSnapshot(inf, KINDS), await storeSnapshot(store, KINDS));
    });
  }

  it('both start modes build the same cache at the same revision', async () => {
    await writeHistory();
    const listed = informer('listWatch');
    const replayed = informer('replay');
    listed.start();
    replayed.start();
    await Promise.all([listed.waitForSync(), replayed.waitForSync()]);
    assert.equal(listed.revision, replayed.revision);
    assert.deepEqual(cacheSnapshot(listed, KINDS), cacheSnapshot(replayed, KINDS));
    for (const inf of [listed, replayed]) {
      assert.deepEqual(
        inf.byIndex('Pod', LABEL_INDEX, 'tier=front').map((p) => p.metadata.name),
        ['web-1'],
      );
    }
    // Both keep following to the same state.
    await store.create(pod('extra', { nodeName: 'node-a' }));
    await Promise.all([caughtUp(listed), caughtUp(replayed)]);
    assert.deepEqual(cacheSnapshot(listed, KINDS), cacheSnapshot(replayed, KINDS));
  });

  it('replay falls back to listing when the log was compacted', async () => {
    await writeHistory();
    await store.compact(2);
    const inf = informer('replay');
    inf.start();
    await inf.waitForSync();
    assert.equal(inf.syncStats?.mode, 'listWatch');
    assert.deepEqual(cacheSnapshot(inf, KINDS), await storeSnapshot(store, KINDS));
  });

  it('only reports the kinds it watches', async () => {
    const inf = informer('listWatch', ['ConfigMap']);
    const seen = recordEvents(inf, ['ConfigMap']);
    inf.start();
    await inf.waitForSync();
    await store.create(pod('ignored'));
    await store.create(configMap('seen'));
    await caughtUp(inf);
    assert.deepEqual(seen, ['add ConfigMap default/seen']);
    assert.throws(() => inf.list('Pod'), /does not watch kind Pod/);
  });

  it('relists after 410 Expired and emits exactly what changed while it was stopped', async () => {
    const keep = await store.create(configMap('keep'));
    await store.create(configMap('change', { v: '1' }));
    await store.create(configMap('remove'));
    await store.create(pod('p1', { nodeName: 'node-a' }));
    const inf = informer('listWatch');
    inf.start();
    await inf.waitForSync();
    const keptInstance = inf.get('ConfigMap', 'default', 'keep');
    assert.equal(keptInstance?.metadata.uid, keep.metadata.uid);
    await inf.stop();

    const seen = recordEvents(inf, KINDS);
    seen.length = 0; // handlers added late first hear the cached objects as adds
    await store.guaranteedUpdate<KubeObject>('ConfigMap', 'default', 'change', (c) => ({
      ...c,
      data: { v: '2' },
    }));
    await store.delete('ConfigMap', 'default', 'remove');
    await store.create(configMap('new'));
    await store.delete('Pod', 'default', 'p1', { gracePeriodSeconds: 0 });
    await store.create(pod('p1', { nodeName: 'node-b' })); // same name, new object: a delete and an add in the diff
    await store.create(configMap('short-lived'));
    await store.delete('ConfigMap', 'default', 'short-lived');
    await store.compact(0);
    assert.ok((await store.compactedRevision()) > inf.revision, 'the informer is behind the compacted log');

    const relists = () => inf.syncStats; // unchanged by a relist: the first sync is what it reports
    const before = relists();
    inf.start();
    await caughtUp(inf);
    assert.deepEqual(seen.sort(), [
      'add ConfigMap default/new',
      'add Pod default/p1',
      'delete ConfigMap default/remove',
      'delete Pod default/p1',
      'update ConfigMap default/change',
    ]);
    assert.equal(relists(), before);
    assert.deepEqual(cacheSnapshot(inf, KINDS), await storeSnapshot(store, KINDS));
    assert.equal(
      inf.get('ConfigMap', 'default', 'keep'),
      keptInstance,
      'unchanged objects keep their instance',
    );
    assert.deepEqual(inf.byIndex('Pod', NODE_INDEX, 'node-a'), []);
    assert.deepEqual(
      inf.byIndex('Pod', NODE_INDEX, 'node-b').map((p) => p.metadata.name),
      ['p1'],
    );

    // And it keeps watching after the relist.
    seen.length = 0;
    await store.create(configMap('after'));
    await caughtUp(inf);
    assert.deepEqual(seen, ['add ConfigMap default/after']);
  });

  it('keeps indexes right across updates that change labels, controller and node', async () => {
    const a = await store.create(replicaSet('a', 1));
    const b = await store.create(replicaSet('b', 1));
    await store.create(pod('p', { labels: { app: 'a' }, owner: a }));
    const inf = informer('listWatch');
    inf.start();
    await inf.waitForSync();
    const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name).sort();
    const uid = (o: KubeObject) => o.metadata.uid as string;

    assert.deepEqual(names(inf.byIndex('Pod', LABEL_INDEX, 'app=a')), ['p']);
    assert.deepEqual(names(inf.byIndex('Pod', CONTROLLER_INDEX, uid(a))), ['p']);

    await store.guaranteedUpdate<KubeObject>('Pod', 'default', 'p', (p) => ({
      ...p,
      metadata: {
        ...p.metadata,
        labels: { app: 'b', track: 'stable' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: uid(b), controller: true },
        ],
      },
    }));
    await store.guaranteedUpdate<KubeObject>('Pod', 'default', 'p', (p) => ({
      ...p,
      spec: { ...p.spec, nodeName: 'node-1' },
    }));
    await caughtUp(inf);
    assert.deepEqual(inf.byIndex('Pod', LABEL_INDEX, 'app=a'), []);
    assert.deepEqual(names(inf.byIndex('Pod', LABEL_INDEX, 'app=b')), ['p']);
    assert.deepEqual(names(inf.byIndex('Pod', LABEL_INDEX, 'track=stable')), ['p']);
    assert.deepEqual(inf.byIndex('Pod', CONTROLLER_INDEX, uid(a)), []);
    assert.deepEqual(names(inf.byIndex('Pod', CONTROLLER_INDEX, uid(b))), ['p']);
    assert.deepEqual(names(inf.byIndex('Pod', NODE_INDEX, 'node-1')), ['p']);
    assert.equal(
      inf.byIndex('Pod', LABEL_INDEX, 'app=b')[0],
      inf.get('Pod', 'default', 'p'),
      'index holds the current version',
    );

    // Orphaned: the controller index forgets it.
    await store.guaranteedUpdate<KubeObject>('Pod', 'default', 'p', (p) => ({
      ...p,
      metadata: { ...p.metadata, ownerReferences: [] },
    }));
    await store.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 });
    await caughtUp(inf);
    assert.deepEqual(inf.indexValues('Pod', CONTROLLER_INDEX), []);
    assert.deepEqual(inf.indexValues('Pod', LABEL_INDEX), []);
    assert.deepEqual(inf.indexValues('Pod', NODE_INDEX), []);
  });

  it('lists by namespace and label selector, and serves custom indexes', async () => {
    await store.create(configMap('a', { owner: 'x' }, 'ns1'));
    await store.create(configMap('b', { owner: 'y' }, 'ns1'));
    await store.create(configMap('c', { owner: 'x' }, 'ns2'));
    await store.create(pod('web', { namespace: 'ns1', labels: { app: 'web' } }));
    await store.create(pod('db', { namespace: 'ns1', labels: { app: 'db' } }));
    await store.create(pod('bare', { namespace: 'ns1' }));
    const inf = new Informer({
      store,
      kinds: ['ConfigMap', 'Pod'],
      indexers: { ConfigMap: { byOwnerField: (o) => [String((o.data as Record<string, string>).owner)] } },
      log: memoryLogger(),
    });
    running.push(inf);
    inf.start();
    await inf.waitForSync();
    const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name).sort();
    assert.deepEqual(names(inf.list('ConfigMap', { namespace: 'ns1' })), ['a', 'b']);
    assert.deepEqual(names(inf.list('ConfigMap')), ['a', 'b', 'c']);
    assert.deepEqual(names(inf.byIndex('ConfigMap', 'byOwnerField', 'x')), ['a', 'c']);
    assert.deepEqual(names(inf.byIndex('ConfigMap', 'namespace', 'ns2')), ['c']);
    assert.deepEqual(names(inf.list('Pod', { selector: (l) => l.app === 'web' })), ['web']);
    assert.deepEqual(names(inf.list('Pod', { selector: (l) => !('app' in l) })), ['bare']);
    assert.equal(inf.get('Pod', 'ns2', 'web'), undefined);
  });

  it('hands out frozen, shared objects', async () => {
    const rs = await store.create(replicaSet('web', 2));
    await store.create(pod('a', { labels: { app: 'web' }, owner: rs }));
    await store.create(pod('b', { labels: { app: 'web' }, owner: rs }));
    const inf = informer('replay');
    inf.start();
    await inf.waitForSync();
    const a = inf.get('Pod', 'default', 'a') as KubeObject;
    const b = inf.get('Pod', 'default', 'b') as KubeObject;
    assert.equal(inf.get('Pod', 'default', 'a'), a, 'no copy per read');
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.metadata) && Object.isFrozen(a.spec.containers[0]));
    assert.equal(Reflect.set(a.metadata, 'name', 'x'), false, 'a cached object cannot be changed');
    assert.equal(a.metadata.name, 'a');
    assert.equal(a.spec.containers, b.spec.containers, 'pods of one template share their containers');
    assert.equal(a.metadata.ownerReferences, b.metadata.ownerReferences);
  });

  it('logs its sync with events, objects and duration', async () => {
    await writeHistory();
    const log = memoryLogger();
    const inf = new Informer({ store, kinds: KINDS, startMode: 'replay', log });
    running.push(inf);
    inf.start();
    await inf.waitForSync();
    const line = log.lines().find((l) => l.msg === 'informer synced');
    assert.ok(line);
    assert.equal(line.objects, 7);
    assert.ok((line.events as number) >= 10, 'replay folds every event of the history');
    assert.equal(typeof line.ms, 'number');
  });

  it('replays the cache as adds to handlers added after the sync', async () => {
    await store.create(configMap('a'));
    const inf = informer('listWatch');
    inf.start();
    await inf.waitForSync();
    assert.deepEqual(recordEvents(inf, ['ConfigMap']), ['add ConfigMap default/a']);
  });

  it('waitForSync gives up when its signal aborts', async () => {
    const inf = informer('listWatch');
    assert.equal(await inf.waitForSync(AbortSignal.abort()), false);
  });
});
