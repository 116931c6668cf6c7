import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { TestRedis } from './index.js';

describe('TestRedis', () => {
  it('starts a private redis that keeps data across a restart with AOF', async () => {
    const r = await TestRedis.start({ appendOnly: true });
    try {
      const c = new Redis(r.url);
      await c.set('k', 'v');
      c.disconnect();
      await r.restart();
      const c2 = new Redis(r.url);
      assert.equal(await c2.get('k'), 'v');
      c2.disconnect();
    } finally {
      await r.destroy();
    }
  });
});
