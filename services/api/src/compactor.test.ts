// The log compactor against a real Redis, its intervals stepped by the test: each compaction trims up to the
// revision read one interval before, never into the retained window.
import assert from 'node:assert/strict';
import { Clock, createLogger } from '@kubesim/controller-kit';
import { Store } from '@kubesim/store';
import { TestRedis, uniqueName } from '@kubesim/testing';
import { compactionSettings, runCompactor } from './compactor.js';

/** A clock whose sleeps end only when the test steps it; a step returns once the sleeper sleeps again. */
class SteppedClock extends Clock {
  private wake?: () => void;
  private asleep?: () => void;

  override sleep(_simMs: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      this.wake = () => resolve(true);
      signal?.addEventListener('abort', () => resolve(false), { once: true });
      this.asleep?.();
    });
  }

  /** Waits for the first sleep. */
  started(): Promise<void> {
    return this.wake ? Promise.resolve() : new Promise((resolve) => (this.asleep = resolve));
  }

  /** Ends the current sleep and waits until the next one begins (one interval's work done). */
  step(): Promise<void> {
    const next = new Promise<void>((resolve) => (this.asleep = resolve));
    this.wake?.();
    return next;
  }
}

describe('log compactor', () => {
  let redis: TestRedis;
  let store: Store;
  before(async () => {
    redis = await TestRedis.start();
    store = await Store.connect({ url: redis.url, cluster: uniqueName('compact') });
  });
  after(async () => {
    await store.close();
    await redis.destroy();
  });

  const writes = async (n: number) => {
    for (let i = 0; i < n; i++)
      await store.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: uniqueName('cm'), namespace: 'default' },
      });
    return store.revision();
  };

  it('trims up to the revision read one interval before, keeping the retained window', async () => {
    const clock = new SteppedClock();
    const stopper = new AbortController();
    const done = runCompactor({
      store,
      clock,
      log: createLogger('compactor-test', { level: 'silent' }),
      intervalMs: 300_000,
      retain: 5,
      signal: stopper.signal,
    });
    await clock.started();
    const first = await writes(20);
    await clock.step(); // reads the head; nothing to compact against yet
    assert.equal(await store.compactedRevision(), 0);
    const second = await writes(20);
    await clock.step();
    assert.equal(await store.compactedRevision(), first, 'up to what was read an interval ago');
    await clock.step();
    assert.equal(await store.compactedRevision(), second - 5, 'never into the retained window');
    stopper.abort();
    await done;
  });

  it('reads its settings from the environment and refuses nonsense', () => {
    assert.deepEqual(compactionSettings({}), { intervalMs: 300_000, retain: 100_000 });
    assert.deepEqual(compactionSettings({ KSIM_COMPACTION_INTERVAL: '0', KSIM_COMPACTION_RETAIN: '10' }), {
      intervalMs: 0,
      retain: 10,
    });
    assert.throws(() => compactionSettings({ KSIM_COMPACTION_RETAIN: '-1' }), /KSIM_COMPACTION_RETAIN/);
    assert.throws(() => compactionSettings({ KSIM_COMPACTION_INTERVAL: '5m' }), /KSIM_COMPACTION_INTERVAL/);
  });
});
