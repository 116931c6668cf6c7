import assert from 'node:assert/strict';
import { Clock } from './clock.js';

describe('Clock', () => {
  const fromEnv: Array<{ raw: string | undefined; scale?: number; error?: RegExp }> = [
    { raw: undefined, scale: 1 },
    { raw: '', scale: 1 },
    { raw: '1', scale: 1 },
    { raw: '0.01', scale: 0.01 },
    { raw: '2', scale: 2 },
    { raw: '0', error: /positive number/ },
    { raw: '-1', error: /positive number/ },
    { raw: 'fast', error: /KSIM_TIME_SCALE must be a positive number, got "fast"/ },
  ];
  for (const c of fromEnv) {
    it(`KSIM_TIME_SCALE=${JSON.stringify(c.raw)}`, () => {
      const env = c.raw === undefined ? {} : { KSIM_TIME_SCALE: c.raw };
      if (c.error) assert.throws(() => Clock.fromEnv(env), c.error);
      else assert.equal(Clock.fromEnv(env).scale, c.scale);
    });
  }

  it('converts simulated to real milliseconds by its scale', () => {
    const c = new Clock(0.01);
    assert.equal(c.toRealMs(15_000), 150);
    assert.equal(c.toSimMs(150), 15_000);
    assert.equal(c.toRealMs(-5), 0);
  });

  it('sleep resolves true when the time passed and false when aborted first', async () => {
    const c = new Clock(0.001);
    assert.equal(await c.sleep(1_000), true);
    const ac = new AbortController();
    const slept = new Clock(1).sleep(3_600_000, ac.signal);
    ac.abort();
    assert.equal(await slept, false);
    assert.equal(await c.sleep(1_000, AbortSignal.abort()), false);
  });

  it('after resolves with the time it fired; a cancelled timer never fires', async () => {
    const c = new Clock(0.001);
    const before = c.nowMs();
    assert.ok((await c.after(1_000)).getTime() >= before);
    let fired = false;
    const cancel = c.timer(1_000, () => {
      fired = true;
    });
    cancel();
    await c.sleep(5_000);
    assert.equal(fired, false);
  });
});
