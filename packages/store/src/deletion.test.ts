// Deletion decisions (pure table), then the same rules end to end through the store: graceful pod deletion,
// finalizers, foreground/orphan markers, preconditions.
import assert from 'node:assert/strict';
import { isStatusError, type KubeObject } from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import { planDeletion } from './deletion.js';
import { rfc3339 } from './object-meta.js';
import type { Store } from './store.js';
import { configMap, connectStore, pod, take } from './test-support.js';
import type { DeleteOptions } from './types.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const at = (secondsFromNow: number) => rfc3339(NOW + secondsFromNow * 1000);

function withMeta(obj: KubeObject, meta: Partial<KubeObject['metadata']>): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, generation: 1, ...meta } };
}
const boundPod = (spec: Record<string, unknown> = {}) => pod('p', 'default', { nodeName: 'node-1', ...spec });

describe('planDeletion', () => {
  const cases: {
    name: string;
    obj: KubeObject;
    opts?: DeleteOptions;
    action: 'remove' | 'mark' | 'none';
    meta?: Partial<KubeObject['metadata']>;
  }[] = [
    { name: 'object without finalizers goes at once', obj: withMeta(configMap('c'), {}), action: 'remove' },
    {
      name: 'finalizers keep the object, marked now with grace 0 and a generation bump',
      obj: withMeta(configMap('c'), { finalizers: ['example.com/guard'] }),
      action: 'mark',
      meta: { deletionTimestamp: at(0), deletionGracePeriodSeconds: 0, generation: 2 },
    },
    {
      name: 'Foreground adds foregroundDeletion',
      obj: withMeta(configMap('c'), {}),
      opts: { propagationPolicy: 'Foreground' },
      action: 'mark',
      meta: { finalizers: ['foregroundDeletion'], deletionTimestamp: at(0), deletionGracePeriodSeconds: 0 },
    },
    {
      name: 'Orphan adds orphan after existing finalizers',
      obj: withMeta(configMap('c'), { finalizers: ['a/b'] }),
      opts: { propagationPolicy: 'Orphan' },
      action: 'mark',
      meta: { finalizers: ['a/b', 'orphan'] },
    },
    {
      name: 'Background drops an orphan finalizer, so nothing holds the object',
      obj: withMeta(configMap('c'), { finalizers: ['orphan'] }),
      opts: { propagationPolicy: 'Background' },
      action: 'remove',
    },
    {
      name: 'already marked and nothing new asked: no change',
      obj: withMeta(configMap('c'), {
        finalizers: ['a/b'],
        deletionTimestamp: at(-10),
        deletionGracePeriodSeconds: 0,
      }),
      action: 'none',
    },
    {
      name: 'unbound pod goes at once',
      obj: withMeta(pod('p'), {}),
      action: 'remove',
      meta: { deletionTimestamp: at(0), deletionGracePeriodSeconds: 0 },
    },
    {
      name: 'bound pod: graceful with its terminationGracePeriodSeconds',
      obj: withMeta(boundPod({ terminationGracePeriodSeconds: 5 }), {}),
      action: 'mark',
      meta: { deletionTimestamp: at(5), deletionGracePeriodSeconds: 5, generation: 2 },
    },
    {
      name: 'bound pod without a grace period of its own: 30 s',
      obj: withMeta(boundPod(), {}),
      action: 'mark',
      meta: { deletionTimestamp: at(30), deletionGracePeriodSeconds: 30 },
    },
    {
      name: 'bound pod, request grace 0: goes at once',
      obj: withMeta(boundPod(), {}),
      opts: { gracePeriodSeconds: 0 },
      action: 'remove',
    },
    {
      name: 'negative grace counts as 1 s',
      obj: withMeta(boundPod(), {}),
      opts: { gracePeriodSeconds: -5 },
      action: 'mark',
      meta: { deletionGracePeriodSeconds: 1, deletionTimestamp: at(1) },
    },
    {
      name: 'finished pod goes at once even when bound',
      obj: { ...withMeta(boundPod(), {}), status: { phase: 'Succeeded' } },
      action: 'remove',
    },
    {
      name: 'terminating pod, same or longer grace: pending, nothing changes',
      obj: withMeta(boundPod(), { deletionTimestamp: at(20), deletionGracePeriodSeconds: 30 }),
      opts: { gracePeriodSeconds: 60, propagationPolicy: 'Orphan' },
      action: 'none',
    },
    {
      name: 'terminating pod, shorter grace moves the deadline earlier',
      obj: withMeta(boundPod(), { deletionTimestamp: at(20), deletionGracePeriodSeconds: 30 }),
      opts: { gracePeriodSeconds: 10 },
      action: 'mark',
      meta: { deletionTimestamp: at(0), deletionGracePeriodSeconds: 10 },
    },
    {
      name: 'terminating pod, grace 0 removes it',
      obj: withMeta(boundPod(), { deletionTimestamp: at(20), deletionGracePeriodSeconds: 30 }),
      opts: { gracePeriodSeconds: 0 },
      action: 'remove',
      meta: { deletionGracePeriodSeconds: 0, deletionTimestamp: at(-10) },
    },
    {
      name: 'terminating pod with a finalizer, grace 0: stays marked',
      obj: withMeta(boundPod(), {
        finalizers: ['a/b'],
        deletionTimestamp: at(20),
        deletionGracePeriodSeconds: 30,
      }),
      opts: { gracePeriodSeconds: 0 },
      action: 'mark',
      meta: { deletionGracePeriodSeconds: 0 },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const plan = planDeletion(c.obj, c.opts ?? {}, NOW);
      assert.equal(plan.action, c.action);
      for (const [field, value] of Object.entries(c.meta ?? {})) {
        assert.deepEqual(plan.object.metadata[field as keyof KubeObject['metadata']], value, field);
      }
      if (c.action === 'none') assert.equal(plan.object, c.obj);
    });
  }
});

describe('Store delete', () => {
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

  it('removes at once: DELETED carries the last state with the deletion revision', async () => {
    const c = await store.create(configMap('gone', { a: '1' }));
    const w = store.watch({ fromRevision: Number(c.metadata.resourceVersion) });
    const result = await store.delete('ConfigMap', 'default', 'gone');
    assert.equal(result.removed, true);
    assert.equal(result.object.metadata.resourceVersion, String(Number(c.metadata.resourceVersion) + 1));
    assert.deepEqual(result.object.data, { a: '1' });
    assert.equal(await store.get('ConfigMap', 'default', 'gone'), undefined);
    const [event] = await take(w[Symbol.asyncIterator](), 1);
    assert.equal(event.type, 'DELETED');
    assert.deepEqual(event.object, result.object);
    w.stop();
  });

  it('bound pods terminate gracefully, then a delete with grace 0 removes them', async () => {
    const p = await store.create(
      pod('graceful', 'default', { nodeName: 'node-1', terminationGracePeriodSeconds: 20 }),
    );
    const w = store.watch({ fromRevision: Number(p.metadata.resourceVersion) });
    const before = Date.now();
    const marked = await store.delete('Pod', 'default', 'graceful');
    assert.equal(marked.removed, false);
    assert.equal(marked.object.metadata.deletionGracePeriodSeconds, 20);
    const deadline = Date.parse(marked.object.metadata.deletionTimestamp ?? '');
    assert.ok(deadline >= Math.floor(before / 1000) * 1000 + 20_000 && deadline <= Date.now() + 20_000);
    assert.equal(marked.object.metadata.generation, 2);
    assert.deepEqual(await store.get('Pod', 'default', 'graceful'), marked.object);

    const again = await store.delete('Pod', 'default', 'graceful');
    assert.equal(again.removed, false);
    assert.equal(again.object.metadata.resourceVersion, marked.object.metadata.resourceVersion);

    const removed = await store.delete('Pod', 'default', 'graceful', { gracePeriodSeconds: 0 });
    assert.equal(removed.removed, true);
    assert.equal(await store.get('Pod', 'default', 'graceful'), undefined);
    const events = await take(w[Symbol.asyncIterator](), 2);
    assert.deepEqual(
      events.map((e) => e.type),
      ['MODIFIED', 'DELETED'],
    );
    w.stop();
  });

  it('unbound pods go at once', async () => {
    await store.create(pod('unbound'));
    assert.equal((await store.delete('Pod', 'default', 'unbound')).removed, true);
  });

  it('finalizers hold the object until an update removes the last one', async () => {
    const c = await store.create({
      ...configMap('held'),
      metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/a', 'example.com/b'] },
    });
    const marked = await store.delete('ConfigMap', 'default', 'held');
    assert.equal(marked.removed, false);
    assert.ok(marked.object.metadata.deletionTimestamp);
    assert.equal(marked.object.metadata.deletionGracePeriodSeconds, 0);
    const blindUpdate = { ...c, metadata: { ...c.metadata, resourceVersion: undefined } };
    const dropOne = await store.update<KubeObject>({
      ...blindUpdate,
      metadata: { ...blindUpdate.metadata, finalizers: ['example.com/b'] },
    });
    assert.equal(
      dropOne.metadata.deletionTimestamp,
      marked.object.metadata.deletionTimestamp,
      'an update cannot clear deletionTimestamp',
    );
    assert.ok(await store.get('ConfigMap', 'default', 'held'));
    const w = store.watch({ fromRevision: Number(dropOne.metadata.resourceVersion) });
    const last = await store.guaranteedUpdate<KubeObject>('ConfigMap', 'default', 'held', (cur) => {
      cur.metadata.finalizers = [];
      return cur;
    });
    assert.equal(await store.get('ConfigMap', 'default', 'held'), undefined);
    const [event] = await take(w[Symbol.asyncIterator](), 1);
    assert.equal(event.type, 'DELETED');
    assert.equal(event.object.metadata.resourceVersion, last.metadata.resourceVersion);
    w.stop();
  });

  it('Foreground and Orphan leave the object marked with their finalizer', async () => {
    await store.create(configMap('fg'));
    await store.create(configMap('orph'));
    const fg = await store.delete('ConfigMap', 'default', 'fg', { propagationPolicy: 'Foreground' });
    const orph = await store.delete('ConfigMap', 'default', 'orph', { propagationPolicy: 'Orphan' });
    assert.deepEqual(fg.object.metadata.finalizers, ['foregroundDeletion']);
    assert.deepEqual(orph.object.metadata.finalizers, ['orphan']);
    assert.equal(fg.removed || orph.removed, false);
    assert.ok((await store.get('ConfigMap', 'default', 'fg'))?.metadata.deletionTimestamp);
  });

  it('precondition mismatches are 409 Conflict and delete nothing', async () => {
    const c = await store.create(configMap('pre'));
    const conflict = (why: RegExp) => (err: unknown) => {
      assert.ok(isStatusError(err, 'Conflict'));
      assert.match(err.status.message, why);
      return true;
    };
    await assert.rejects(
      store.delete('ConfigMap', 'default', 'pre', { preconditions: { uid: 'other' } }),
      conflict(
        /^Operation cannot be fulfilled on configmaps "pre": the UID in the precondition \(other\) does not match/,
      ),
    );
    await assert.rejects(
      store.delete('ConfigMap', 'default', 'pre', { preconditions: { resourceVersion: '999999' } }),
      conflict(/the ResourceVersion in the precondition \(999999\) does not match/),
    );
    assert.ok(await store.get('ConfigMap', 'default', 'pre'));
    const ok = await store.delete('ConfigMap', 'default', 'pre', {
      preconditions: { uid: c.metadata.uid, resourceVersion: c.metadata.resourceVersion },
    });
    assert.equal(ok.removed, true);
  });
});
