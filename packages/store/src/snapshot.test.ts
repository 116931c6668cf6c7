// Cache snapshots against a real Redis: stored whole, never replaced by an older one, separate per name.
import assert from 'node:assert/strict';
import { TestRedis } from '@kubesim/testing';
import type { Store } from './store.js';
import { connectStore } from './test-support.js';

describe('Store cache snapshots', () => {
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

  it('loads nothing before one is saved', async () => {
    assert.equal(await store.loadSnapshot('Pod'), undefined);
  });

  it('loads the chunks saved, in order, with their revision', async () => {
    const chunks = ['{"a":1}', '', 'ü'.repeat(100_000), '[]'];
    assert.equal(await store.saveSnapshot('Pod,ReplicaSet', 42, chunks), true);
    assert.deepEqual(await store.loadSnapshot('Pod,ReplicaSet'), { revision: 42, chunks });
    assert.equal(await store.loadSnapshot('Pod'), undefined, 'names do not share snapshots');
  });

  it('a newer snapshot replaces the stored one whole; an older or equal one is refused', async () => {
    await store.saveSnapshot('Node', 10, ['a', 'b', 'c']);
    assert.equal(await store.saveSnapshot('Node', 12, ['d']), true);
    assert.deepEqual(await store.loadSnapshot('Node'), { revision: 12, chunks: ['d'] });
    assert.equal(await store.saveSnapshot('Node', 11, ['old']), false);
    assert.equal(await store.saveSnapshot('Node', 12, ['same']), false);
    assert.deepEqual(await store.loadSnapshot('Node'), { revision: 12, chunks: ['d'] });
  });
});
