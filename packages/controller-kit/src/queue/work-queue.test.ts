import assert from 'node:assert/strict';
import { waitFor } from '@kubesim/testing';
import { Clock } from '../clock.js';
import { ItemExponentialFailureRateLimiter } from './rate-limiter.js';
import { RateLimitingQueue } from './rate-limiting-queue.js';
import { type QueueMetrics, WorkQueue } from './work-queue.js';

// A script of queue operations and what each `get` must hand out; `len` checks the depth at that point.
type Step =
  | { op: 'add'; key: string }
  | { op: 'get'; want: string | undefined }
  | { op: 'done'; key: string }
  | { op: 'len'; want: number }
  | { op: 'shutDown' };

async function runScript(steps: Step[]): Promise<void> {
  const q = new WorkQueue<string>();
  for (const [i, s] of steps.entries()) {
    const at = `step ${i} (${JSON.stringify(s)})`;
    if (s.op === 'add') q.add(s.key);
    else if (s.op === 'done') q.done(s.key);
    else if (s.op === 'shutDown') q.shutDown();
    else if (s.op === 'len') assert.equal(q.len(), s.want, at);
    else {
      // A get that must block is checked with an already-aborted signal: it must not hand anything out.
      if (s.want === undefined && !q.shuttingDown)
        assert.equal(await q.get(AbortSignal.abort()), undefined, at);
      else assert.equal(await q.get(), s.want, at);
    }
  }
}

describe('WorkQueue semantics', () => {
  const cases: Array<{ name: string; steps: Step[] }> = [
    {
      name: 'keys are handed out first in, first out',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'add', key: 'b' },
        { op: 'add', key: 'c' },
        { op: 'get', want: 'a' },
        { op: 'get', want: 'b' },
        { op: 'get', want: 'c' },
      ],
    },
    {
      name: 'a key waiting in the queue is held once',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'add', key: 'b' },
        { op: 'add', key: 'a' },
        { op: 'len', want: 2 },
        { op: 'get', want: 'a' },
        { op: 'get', want: 'b' },
        { op: 'get', want: undefined },
      ],
    },
    {
      name: 'a key being processed is not handed to a second worker',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'get', want: 'a' },
        { op: 'add', key: 'a' },
        { op: 'len', want: 0 },
        { op: 'get', want: undefined },
      ],
    },
    {
      name: 'a key added while processing is processed again after done',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'get', want: 'a' },
        { op: 'add', key: 'a' },
        { op: 'add', key: 'a' },
        { op: 'done', key: 'a' },
        { op: 'len', want: 1 },
        { op: 'get', want: 'a' },
        { op: 'done', key: 'a' },
        { op: 'len', want: 0 },
      ],
    },
    {
      name: 'done without a new add does not requeue',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'get', want: 'a' },
        { op: 'done', key: 'a' },
        { op: 'len', want: 0 },
        { op: 'add', key: 'a' },
        { op: 'get', want: 'a' },
      ],
    },
    {
      name: 'other keys pass a key that is being processed',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'get', want: 'a' },
        { op: 'add', key: 'a' },
        { op: 'add', key: 'b' },
        { op: 'get', want: 'b' },
        { op: 'done', key: 'a' },
        { op: 'get', want: 'a' },
      ],
    },
    {
      name: 'after shutDown adds are ignored and queued keys still drain',
      steps: [
        { op: 'add', key: 'a' },
        { op: 'add', key: 'b' },
        { op: 'shutDown' },
        { op: 'add', key: 'c' },
        { op: 'len', want: 2 },
        { op: 'get', want: 'a' },
        { op: 'get', want: 'b' },
        { op: 'get', want: undefined },
      ],
    },
  ];
  for (const c of cases) it(c.name, () => runScript(c.steps));

  it('wakes a waiting worker when a key arrives', async () => {
    const q = new WorkQueue<string>();
    const got = q.get();
    q.add('a');
    assert.equal(await got, 'a');
  });

  it('never lets two concurrent workers hold the same key', async () => {
    const q = new WorkQueue<number>();
    const held = new Set<number>();
    let overlaps = 0;
    let processed = 0;
    const worker = async () => {
      for (;;) {
        const k = await q.get();
        if (k === undefined) return;
        if (held.has(k)) overlaps++;
        held.add(k);
        await new Promise((r) => setImmediate(r));
        if (processed++ < 300) q.add((k + 1) % 3); // keep re-adding keys that other workers may hold
        held.delete(k);
        q.done(k);
      }
    };
    for (const k of [0, 1, 2]) q.add(k);
    const workers = [worker(), worker(), worker(), worker()];
    await waitFor(() => processed > 300 && q.len() === 0, { timeoutMs: 10_000 });
    q.shutDown();
    await Promise.all(workers);
    assert.equal(overlaps, 0);
  });

  it('releases waiting workers on shutDown', async () => {
    const q = new WorkQueue<string>();
    const got = [q.get(), q.get()];
    q.shutDown();
    assert.deepEqual(await Promise.all(got), [undefined, undefined]);
  });

  it('returns undefined to a worker whose signal aborts', async () => {
    const q = new WorkQueue<string>();
    const ac = new AbortController();
    const got = q.get(ac.signal);
    ac.abort();
    assert.equal(await got, undefined);
    q.add('a');
    assert.equal(q.len(), 1, 'an aborted getter must not swallow the next key');
  });

  it('shutDownWithDrain waits for keys in processing', async () => {
    const q = new WorkQueue<string>();
    q.add('a');
    const k = await q.get();
    let drained = false;
    const p = q.shutDownWithDrain().then(() => {
      drained = true;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(drained, false);
    q.done(k as string);
    await p;
    assert.equal(drained, true);
  });

  it('reports adds and depth to its metrics', async () => {
    const seen = { added: 0, retried: 0, depth: [] as number[] };
    const metrics: QueueMetrics = {
      added: () => void seen.added++,
      retried: () => void seen.retried++,
      depth: (n) => void seen.depth.push(n),
    };
    const q = new WorkQueue<string>(metrics);
    q.add('a');
    q.add('a');
    q.add('b');
    await q.get();
    assert.equal(seen.added, 2);
    assert.deepEqual(seen.depth, [1, 2, 1]);
  });
});

describe('ItemExponentialFailureRateLimiter', () => {
  it('doubles from the base delay to the cap per item (client-go defaults 5 ms .. 1000 s)', () => {
    const rl = new ItemExponentialFailureRateLimiter<string>();
    const delays = Array.from({ length: 20 }, () => rl.when('a'));
    assert.deepEqual(delays.slice(0, 5), [5, 10, 20, 40, 80]);
    assert.equal(delays[17], 655_360);
    assert.equal(delays[18], 1_000_000);
    assert.equal(delays[19], 1_000_000);
    assert.equal(rl.numRequeues('a'), 20);
  });

  const cases: Array<{
    name: string;
    ops: Array<['when' | 'forget', string]>;
    want: number[];
    requeues: Record<string, number>;
  }> = [
    {
      name: 'client-go example: 1 ms base, 1 s cap',
      ops: [
        ['when', 'one'],
        ['when', 'one'],
        ['when', 'one'],
        ['when', 'one'],
        ['when', 'one'],
        ['when', 'two'],
        ['when', 'two'],
      ],
      want: [1, 2, 4, 8, 16, 1, 2],
      requeues: { one: 5, two: 2 },
    },
    {
      name: 'forget resets an item and leaves the others',
      ops: [
        ['when', 'one'],
        ['when', 'one'],
        ['when', 'two'],
        ['forget', 'one'],
        ['when', 'one'],
        ['when', 'two'],
      ],
      want: [1, 2, 1, 1, 2],
      requeues: { one: 1, two: 2 },
    },
    {
      name: 'cap holds once reached',
      ops: Array.from({ length: 13 }, () => ['when', 'x'] as ['when', string]),
      want: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 1000, 1000],
      requeues: { x: 13 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rl = new ItemExponentialFailureRateLimiter<string>(1, 1000);
      const got: number[] = [];
      for (const [op, item] of c.ops) {
        if (op === 'when') got.push(rl.when(item));
        else rl.forget(item);
      }
      assert.deepEqual(got, c.want);
      for (const [item, n] of Object.entries(c.requeues)) assert.equal(rl.numRequeues(item), n, item);
    });
  }
});

describe('RateLimitingQueue', () => {
  const fast = new Clock(0.001); // 1 simulated second = 1 real millisecond

  it('addAfter delivers the key once its time comes', async () => {
    const q = new RateLimitingQueue<string>({ clock: fast });
    q.addAfter('a', 5_000);
    assert.equal(q.waitingCount(), 1);
    assert.equal(await q.get(), 'a');
    assert.equal(q.waitingCount(), 0);
  });

  it('addAfter with no delay adds at once', () => {
    const q = new RateLimitingQueue<string>({ clock: new Clock(1) });
    q.addAfter('a', 0);
    assert.equal(q.len(), 1);
  });

  it('an earlier addAfter request replaces a later one', async () => {
    const q = new RateLimitingQueue<string>({ clock: new Clock(1) });
    q.addAfter('a', 3_600_000);
    q.addAfter('a', 1);
    assert.equal(q.waitingCount(), 1);
    assert.equal(await q.get(), 'a');
    q.shutDown();
  });

  it('a later addAfter request does not postpone an earlier one', async () => {
    const q = new RateLimitingQueue<string>({ clock: new Clock(1) });
    q.addAfter('a', 1);
    q.addAfter('a', 3_600_000);
    assert.equal(await q.get(), 'a');
    assert.equal(q.waitingCount(), 0);
    q.shutDown();
  });

  it('addRateLimited backs off per key until forget', async () => {
    const q = new RateLimitingQueue<string>({ clock: fast });
    for (let i = 1; i <= 3; i++) {
      q.addRateLimited('a');
      assert.equal(q.numRequeues('a'), i);
      const k = await q.get();
      assert.equal(k, 'a');
      q.done('a');
    }
    q.forget('a');
    assert.equal(q.numRequeues('a'), 0);
  });

  it('shutDown cancels keys still waiting', () => {
    const q = new RateLimitingQueue<string>({ clock: new Clock(1) });
    q.addAfter('a', 3_600_000);
    q.shutDown();
    assert.equal(q.waitingCount(), 0);
    q.addAfter('b', 1);
    assert.equal(q.waitingCount(), 0);
  });
});
