import assert from 'node:assert/strict';
import { isStatusError, type KubeObject } from '@kubesim/api';
import type { Store } from '@kubesim/store';
import { TestRedis } from '@kubesim/testing';
import { type Action, actionKey, applyActions } from './actions.js';
import { configMap, connectStore, pod } from './test-support.js';

describe('applyActions', () => {
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

  const data = async (name: string) =>
    ((await store.get<KubeObject>('ConfigMap', 'default', name))?.data ?? undefined) as
      | Record<string, string>
      | undefined;

  it('applies every kind of action in order', async () => {
    const existing = await store.create(configMap('old', { v: '1' }));
    const p = await store.create(pod('p'));
    const actions: Action[] = [
      { type: 'create', object: configMap('new', { v: 'n' }) },
      { type: 'update', object: { ...existing, data: { v: '2' } } },
      {
        type: 'mutate',
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'old',
        mutate: (cm) => ({ ...cm, data: { ...(cm.data as object), extra: 'x' } }),
      },
      { type: 'updateStatus', object: { ...p, status: { phase: 'Running' } } },
      { type: 'delete', kind: 'ConfigMap', namespace: 'default', name: 'new' },
    ];
    const result = await applyActions(store, actions);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.notDone, []);
    assert.equal(result.done.length, 5);
    assert.deepEqual(await data('old'), { v: '2', extra: 'x' });
    assert.equal(await data('new'), undefined);
    assert.equal((await store.get<KubeObject>('Pod', 'default', 'p'))?.status?.phase, 'Running');
  });

  it('stops at the first failure and reports what was not done', async () => {
    const cm = await store.create(configMap('a'));
    await store.update({ ...cm, data: { moved: 'on' } });
    const actions: Action[] = [
      { type: 'create', object: configMap('b') },
      { type: 'update', object: { ...cm, data: { stale: 'yes' } } },
      { type: 'create', object: configMap('c') },
    ];
    const result = await applyActions(store, actions);
    assert.ok(isStatusError(result.error, 'Conflict'));
    assert.deepEqual(
      result.done.map((d) => actionKey(d.action)),
      ['default/b'],
    );
    assert.deepEqual(result.notDone, actions.slice(1));
    assert.equal(await data('c'), undefined);
  });

  it('counts deleting something already gone as done, with no object', async () => {
    const result = await applyActions(store, [
      { type: 'delete', kind: 'ConfigMap', namespace: 'default', name: 'ghost' },
    ]);
    assert.equal(result.error, undefined);
    assert.equal(result.done[0].object, undefined);
  });

  it('deletes only the incarnation named by uid', async () => {
    await store.create(configMap('x'));
    const result = await applyActions(store, [
      { type: 'delete', kind: 'ConfigMap', namespace: 'default', name: 'x', uid: 'some-older-uid' },
    ]);
    assert.ok(result.error, 'a uid precondition that does not match refuses the delete');
    assert.ok(await data('x'));
  });

  it('writes nothing once the signal has aborted', async () => {
    const result = await applyActions(store, [{ type: 'create', object: configMap('late') }], {
      signal: AbortSignal.abort(),
    });
    assert.equal(result.done.length, 0);
    assert.equal(result.notDone.length, 1);
    assert.equal(result.error, undefined);
    assert.equal(await data('late'), undefined);
  });
});
