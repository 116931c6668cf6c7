import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@kubesim/testing';
import type { BackoffPolicy } from './backoff.js';
import type { Clock } from './clock.js';
import { type ProcessSpec, Supervisor, type SupervisorEvent } from './supervisor.js';

// Tiny throwaway children, each written to a temp dir and run with this node.
const SCRIPTS = {
  crash: `console.log('crashing now'); process.exit(3);`,
  sleeper: `process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('listening-for-signals'); setInterval(() => {}, 1000);`,
  stubborn: `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('listening-for-signals'); setInterval(() => {}, 1000);`,
  chatty: `process.stdout.write('first line\\nsecond '); setTimeout(() => { process.stdout.write('half\\n'); process.exit(0); }, 5);`,
};

const FAST: BackoffPolicy = { initialMs: 10, maxMs: 40, resetAfterMs: 1_000 };

/** Real timers (tiny delays) with a controllable notion of how long each child ran. */
function steppingClock(): Clock & { step: number } {
  let t = 0;
  const clock = {
    step: 0,
    now: () => {
      t += clock.step;
      return t;
    },
    setTimeout: (fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };
  return clock;
}

describe('Supervisor', () => {
  let dir: string;
  let sup: Supervisor | undefined;
  const spec = (name: keyof typeof SCRIPTS, as: string = name): ProcessSpec => ({
    name: as,
    command: process.execPath,
    args: [join(dir, `${name}.mjs`)],
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ksim-supervisor-'));
    for (const [name, body] of Object.entries(SCRIPTS)) writeFileSync(join(dir, `${name}.mjs`), body);
  });
  afterEach(async () => {
    await sup?.stop();
    sup = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a crashing child with doubling, capped backoff and counts the restarts', async () => {
    const delays: number[] = [];
    const codes: (number | null)[] = [];
    sup = new Supervisor({
      logDir: join(dir, 'logs'),
      backoff: FAST,
      clock: steppingClock(),
      onEvent: (e) => {
        if (e.type !== 'exited' || e.restartInMs === undefined) return;
        delays.push(e.restartInMs);
        codes.push(e.exit.code);
      },
    });
    sup.start(spec('crash'));
    await waitFor(() => sup!.get('crash')!.restarts >= 5, { message: 'five restarts' });
    await sup.stop(['crash']);
    assert.deepEqual(delays.slice(0, 5), [10, 20, 40, 40, 40]);
    const crash = sup.get('crash')!;
    assert.equal(crash.status, 'Stopped');
    assert.ok(crash.restarts >= 5);
    assert.deepEqual(new Set(codes), new Set([3]));
    const log = readFileSync(join(dir, 'logs', 'crash.log'), 'utf8');
    assert.ok(log.split('crashing now').length - 1 >= 5, log);
  });

  it('resets the backoff after a run longer than resetAfterMs', async () => {
    const clock = steppingClock();
    const delays: number[] = [];
    sup = new Supervisor({
      logDir: join(dir, 'logs'),
      backoff: FAST,
      clock,
      onEvent: (e) => {
        if (e.type !== 'exited' || e.restartInMs === undefined) return;
        delays.push(e.restartInMs);
        // The fourth run is made to look healthy (it "runs" for seconds), the others crash at once.
        clock.step = delays.length === 3 ? 5_000 : 0;
      },
    });
    sup.start(spec('crash'));
    await waitFor(() => delays.length >= 5, { message: 'five exits' });
    assert.deepEqual(delays.slice(0, 5), [10, 20, 40, 10, 20]);
  });

  it('stops a child with SIGTERM and does not restart it', async () => {
    const events: SupervisorEvent[] = [];
    sup = new Supervisor({ logDir: join(dir, 'logs'), backoff: FAST, onEvent: (e) => events.push(e) });
    sup.start(spec('sleeper'));
    await waitFor(() =>
      readFileSync(join(dir, 'logs', 'sleeper.log'), 'utf8').includes('listening-for-signals'),
    );
    const pid = sup.get('sleeper')!.pid!;
    assert.ok(pid > 0);
    await sup.stop();
    const sleeper = sup.get('sleeper')!;
    assert.equal(sleeper.status, 'Stopped');
    assert.equal(sleeper.pid, undefined);
    assert.equal(sleeper.restarts, 0);
    assert.deepEqual(sleeper.lastExit && [sleeper.lastExit.code, sleeper.lastExit.signal], [0, null]);
    assert.deepEqual(
      events.map((e) => e.type),
      ['started', 'stopped'],
    );
    await waitFor(() => readFileSync(join(dir, 'logs', 'sleeper.log'), 'utf8').includes('bye'));
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    sup = new Supervisor({ logDir: join(dir, 'logs'), backoff: FAST, stopGraceMs: 200 });
    sup.start(spec('stubborn'));
    await waitFor(() =>
      readFileSync(join(dir, 'logs', 'stubborn.log'), 'utf8').includes('listening-for-signals'),
    );
    await sup.stop();
    const stubborn = sup.get('stubborn')!;
    assert.equal(stubborn.status, 'Stopped');
    assert.equal(stubborn.lastExit?.signal, 'SIGKILL');
  });

  it('cancels a pending restart when stopped during backoff', async () => {
    sup = new Supervisor({ logDir: join(dir, 'logs'), backoff: { ...FAST, initialMs: 60_000 } });
    sup.start(spec('crash'));
    await waitFor(() => sup!.get('crash')!.status === 'Restarting');
    await sup.stop();
    assert.equal(sup.get('crash')!.status, 'Stopped');
    assert.equal(sup.get('crash')!.restarts, 0);
  });

  it('marks a command that cannot be spawned as Exited instead of retrying it', async () => {
    sup = new Supervisor({ logDir: join(dir, 'logs'), backoff: FAST });
    sup.start({ name: 'ghost', command: join(dir, 'no-such-binary'), args: [] });
    const ghost = await waitFor(() => {
      const p = sup!.get('ghost')!;
      return p.status === 'Exited' && p;
    });
    assert.equal(ghost.lastExit?.error, 'ENOENT');
    assert.equal(ghost.restarts, 0);
  });

  it('echoes whole lines with the child name when asked', async () => {
    const lines: string[] = [];
    sup = new Supervisor({
      logDir: join(dir, 'logs'),
      backoff: { ...FAST, initialMs: 60_000 },
      echo: (n, l) => lines.push(`${n}|${l}`),
    });
    sup.start(spec('chatty', 'talker'));
    await waitFor(() => lines.length >= 2);
    assert.deepEqual(lines.slice(0, 2), ['talker|first line', 'talker|second half']);
  });

  it('refuses to supervise the same name twice', () => {
    sup = new Supervisor({ logDir: join(dir, 'logs'), backoff: FAST });
    sup.start(spec('sleeper'));
    assert.throws(() => sup!.start(spec('sleeper')), /already supervised/);
  });
});
