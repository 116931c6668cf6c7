import assert from 'node:assert/strict';
import { DEFAULT_BACKOFF, nextRestartDelay } from './backoff.js';

describe('nextRestartDelay', () => {
  const cases: { name: string; previous: number | undefined; ranForMs: number; want: number }[] = [
    { name: 'first crash waits the initial delay', previous: undefined, ranForMs: 0, want: 1_000 },
    { name: 'a second quick crash doubles it', previous: 1_000, ranForMs: 200, want: 2_000 },
    { name: 'keeps doubling', previous: 8_000, ranForMs: 5_000, want: 16_000 },
    { name: 'stops at the cap', previous: 16_000, ranForMs: 0, want: 30_000 },
    { name: 'stays at the cap', previous: 30_000, ranForMs: 59_999, want: 30_000 },
    { name: 'a run of exactly the reset window is healthy', previous: 30_000, ranForMs: 60_000, want: 1_000 },
    { name: 'a long healthy run forgives everything', previous: 16_000, ranForMs: 3_600_000, want: 1_000 },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(nextRestartDelay(c.previous, c.ranForMs, DEFAULT_BACKOFF), c.want));
  }
});
