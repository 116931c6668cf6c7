// Leases against a real Redis: acquire, renewal by the holder, refusal to others, expiry, release.
import assert from 'node:assert/strict';
import { TestRedis, waitFor } from '@kubesim/testing';
import type { Store } from './store.js';
import { connectStore } from './test-support.js';

describe('Store leases', () => {
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

  it('is taken by one holder, renewed by it, refused to others', async () => {
    assert.equal(await store.getLease('scheduler'), undefined);
    assert.equal(await store.acquireLease('scheduler', 'a', 30_000), true);
    const first = await store.getLease('scheduler');
    assert.equal(first?.holder, 'a');
    assert.equal(first?.name, 'scheduler');
    assert.ok((first?.expiresAt ?? 0) > Date.now() + 20_000);

    assert.equal(await store.acquireLease('scheduler', 'b', 30_000), false);
    assert.equal((await store.getLease('scheduler'))?.holder, 'a');

    assert.equal(await store.acquireLease('scheduler', 'a', 60_000), true);
    const renewed = await store.getLease('scheduler');
    assert.ok((renewed?.expiresAt ?? 0) > (first?.expiresAt ?? 0));
  });

  it('lapses when not renewed, and then another holder may take it', async () => {
    assert.equal(await store.acquireLease('gc', 'a', 150), true);
    const expiresAt = (await store.getLease('gc'))?.expiresAt ?? 0;
    assert.equal(await store.acquireLease('gc', 'b', 30_000), false);
    await waitFor(() => store.acquireLease('gc', 'b', 30_000), { timeoutMs: 5000, intervalMs: 20 });
    const taken = await store.getLease('gc');
    assert.equal(taken?.holder, 'b');
    assert.ok((taken?.expiresAt ?? 0) > expiresAt);
  });

  it('is released only by its holder', async () => {
    assert.equal(await store.acquireLease('rs', 'a', 30_000), true);
    await store.releaseLease('rs', 'b');
    assert.equal((await store.getLease('rs'))?.holder, 'a');
    await store.releaseLease('rs', 'a');
    assert.equal(await store.getLease('rs'), undefined);
    assert.equal(await store.acquireLease('rs', 'b', 30_000), true);
  });

  it('leases of different clusters sharing one Redis are independent', async () => {
    const other = await connectStore(redis);
    try {
      assert.equal(await store.acquireLease('shared', 'a', 30_000), true);
      assert.equal(await other.acquireLease('shared', 'b', 30_000), true);
    } finally {
      await other.close();
    }
  });
});
