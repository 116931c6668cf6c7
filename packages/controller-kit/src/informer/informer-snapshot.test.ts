// Informer snapshots against a real Redis: a restarted informer loads the saved snapshot and folds only the log
// after it, ending exactly where a list would; it lists instead whenever the snapshot cannot be trusted.
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
import { Informer, type SnapshotPolicy } from './informer.js';

const KINDS = ['Pod', 'ReplicaSet', 'ConfigMap'];
/** The store name of the informers' snapshot: their kinds, sorted. */
const SNAPSHOT = 'informer:ConfigMap,Pod,ReplicaSet';
const fast = new Clock(0.01);

describe('Informer snapshots', function () {
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

  function informer(snapshots: SnapshotPolicy | false = { minObjects: 1 }): Informer {
    const inf = new Informer({ store, kinds: KINDS, clock: fast, log: memoryLogger(), snapshots });
    running.push(inf);
    return inf;
  }

  async function synced(inf: Informer): Promise<Informer> {
    inf.start();
    assert.equal(await inf.waitForSync(), true);
    return inf;
  }

  async function stopped(inf: Informer): Promise<void> {
    running.splice(running.indexOf(inf), 1);
    await inf.stop();
  }

  async function savedRevision(): Promise<number | undefined> {
    return (await store.loadSnapshot(SNAPSHOT))?.revision;
  }

  /** Pods of a ReplicaSet and a ConfigMap: what a first informer lists and snapshots. */
  async function writeCluster(): Promise<KubeObject> {
    const rs = await store.create(replicaSet('web', 4));
    for (let i = 0; i < 4; i++) await store.create(pod(`web-${i}`, { labels: { app: 'web' }, owner: rs }));
    await store.create(configMap('settings', { a: '1' }));
    return rs;
  }

  /** Creates, updates, deletes and a delete-and-recreate under the same name, after the snapshot. */
  async function writeTail(rs: KubeObject): Promise<void> {
    await store.create(pod('web-9', { labels: { app: 'web' }, owner: rs }));
    await store.guaranteedUpdate<KubeObject>('Pod', 'default', 'web-1', (p) => ({
      ...p,
      metadata: { ...p.metadata, labels: { app: 'web', tier: 'front' } },
    }));
    await store.delete('Pod', 'default', 'web-2', { gracePeriodSeconds: 0 });
    await store.delete('ConfigMap', 'default', 'settings');
    await store.create(configMap('settings', { a: 'new' }));
    await store.create(pod('short-lived'));
    await store.delete('Pod', 'default', 'short-lived', { gracePeriodSeconds: 0 });
  }

  it('saves one after the first sync, and a restart loads it and folds the log after it', async () => {
    const rs = await writeCluster();
    const first = await synced(informer());
    await waitFor(async () => (await savedRevision()) === first.revision, { message: 'snapshot saved' });
    await stopped(first);
    const at = (await savedRevision()) as number;
    await writeTail(rs);

    const restarted = informer();
    const seen = recordEvents(restarted, KINDS);
    await synced(restarted);
    assert.equal(restarted.syncStats?.mode, 'snapshot');
    assert.equal(restarted.revision, await store.revision());
    assert.deepEqual(cacheSnapshot(restarted, KINDS), await storeSnapshot(store, KINDS));
    assert.equal(restarted.syncStats?.events, 6 + ((await store.revision()) - at), 'objects + tail events');
    assert.deepEqual(
      seen.filter((s) => !s.startsWith('add')),
      [],
      'a fresh cache only hears adds',
    );
    assert.equal(seen.length, 6);
    const web1 = restarted.get('Pod', 'default', 'web-1');
    assert.equal(web1?.metadata.labels?.tier, 'front');
    assert.ok(Object.isFrozen(web1?.metadata));
    // It follows on from there.
    await store.create(configMap('later'));
    await waitFor(() => restarted.get('ConfigMap', 'default', 'later') !== undefined);
  });

  it('saves again after everyEvents events and when stopped, never replacing a newer one', async () => {
    await writeCluster();
    const inf = await synced(informer({ minObjects: 1, everyEvents: 3 }));
    await waitFor(async () => (await savedRevision()) === inf.revision);
    const first = (await savedRevision()) as number;
    for (let i = 0; i < 3; i++) await store.create(configMap(`cm-${i}`));
    await waitFor(async () => (await savedRevision()) === first + 3, { message: 'saved after 3 events' });
    await store.create(configMap('one-more'));
    await waitFor(() => inf.revision === first + 4);
    await stopped(inf);
    assert.equal(await savedRevision(), first + 4, 'saved on stop');
    assert.equal(await store.saveSnapshot(SNAPSHOT, first + 2, ['[]']), false);
  });

  it('small caches (below minObjects) and snapshots: false save nothing', async () => {
    await writeCluster();
    await stopped(await synced(informer({ minObjects: 100 })));
    await stopped(await synced(informer(false)));
    assert.equal(await savedRevision(), undefined);
  });

  it('snapshots: false neither saves nor loads one', async () => {
    await writeCluster();
    await store.saveSnapshot(SNAPSHOT, await store.revision(), ['[]']);
    const inf = await synced(informer(false));
    assert.equal(inf.syncStats?.mode, 'listWatch');
    assert.equal(inf.list('Pod').length, 4);
  });

  const untrusted: Array<[string, (revision: number) => Promise<unknown>]> = [
    ['is older than the compacted log', async () => store.compact(0)],
    [
      'is from beyond the end of the log',
      async (revision) => store.saveSnapshot(SNAPSHOT, revision + 100, ['[]', '[]']),
    ],
    [
      'cannot be decoded',
      async (revision) => {
        await store.saveSnapshot(SNAPSHOT, revision + 1, ['[]', '{not json']);
        await store.create(configMap('bump'));
      },
    ],
  ];
  for (const [why, spoil] of untrusted) {
    it(`lists instead when the snapshot ${why}`, async () => {
      const rs = await writeCluster();
      const first = await synced(informer());
      await waitFor(async () => (await savedRevision()) === first.revision);
      await stopped(first);
      await writeTail(rs);
      await spoil(await store.revision());
      const log = memoryLogger();
      const inf = new Informer({ store, kinds: KINDS, clock: fast, log, snapshots: { minObjects: 1 } });
      running.push(inf);
      await synced(inf);
      assert.equal(inf.syncStats?.mode, 'listWatch');
      assert.deepEqual(cacheSnapshot(inf, KINDS), await storeSnapshot(store, KINDS));
      assert.ok(log.lines().some((l) => l.msg === 'snapshot not used, listing'));
    });
  }
});
