import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, TestRedis, uniqueName, waitFor } from '@kubesim/testing';

const fixture = fileURLToPath(new URL('./fixtures/service-main.ts', import.meta.url));

interface Service {
  proc: ChildProcess;
  lines: Array<Record<string, unknown>>;
  raw: string[];
  exit: Promise<number | null>;
}

function startService(env: Record<string, string>): Service {
  const proc = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const svc: Service = {
    proc,
    lines: [],
    raw: [],
    // 'close' (not 'exit'): every line the process wrote has been read by then.
    exit: new Promise((resolve) => proc.once('close', (code) => resolve(code))),
  };
  let buf = '';
  const take = (chunk: Buffer) => {
    buf += chunk.toString();
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      svc.raw.push(line);
      try {
        svc.lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not JSON: kept in raw, and the test below fails on it
      }
      nl = buf.indexOf('\n');
    }
  };
  proc.stdout?.on('data', take);
  proc.stderr?.on('data', take);
  return svc;
}

describe('runService', function () {
  this.timeout(30_000);
  const procs: ChildProcess[] = [];
  let redis: TestRedis | undefined;
  afterEach(async () => {
    for (const p of procs.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
    await redis?.destroy();
    redis = undefined;
  });

  it('waits for Redis with one log line per retry, starts once it is up, and stops on SIGTERM', async () => {
    const port = await freePort();
    const svc = startService({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      KSIM_CLUSTER: uniqueName('boot'),
      KSIM_LOG_LEVEL: 'info',
    });
    procs.push(svc.proc);
    const retries = () =>
      svc.lines.filter((l) => String(l.msg).startsWith('redis unavailable, retrying in '));
    await waitFor(() => retries().length >= 3, { timeoutMs: 15_000, message: 'three retry lines' });
    assert.match(String(retries()[0].msg), /^redis unavailable, retrying in \d+(\.\d+)?s$/);
    assert.equal(retries()[0].level, 'warn');
    const delays = retries().map((l) => l.delayMs as number);
    assert.ok(delays[2] > delays[0], `backs off: ${delays.join(', ')}`);

    redis = await TestRedis.start({ port });
    await waitFor(() => svc.lines.some((l) => l.msg === 'service started'), { timeoutMs: 15_000 });
    assert.ok(svc.lines.some((l) => l.msg === 'main running'));

    svc.proc.kill('SIGTERM');
    assert.equal(await svc.exit, 0);
    const msgs = svc.lines.map((l) => l.msg);
    // main's stop function ran and the service said it stopped (line order across the pipes is not kept).
    for (const m of ['shutting down', 'main stopping', 'stopped'])
      assert.ok(msgs.includes(m), msgs.join(' | '));
    assert.deepEqual(
      svc.raw.filter((l) => !l.startsWith('{')),
      [],
      'every line is JSON: no stack traces',
    );
  });

  it('exits 1 with one clear line when REDIS_URL is missing', async () => {
    const svc = startService({ REDIS_URL: '' });
    procs.push(svc.proc);
    assert.equal(await svc.exit, 1);
    const failed = svc.lines.find((l) => l.msg === 'service failed');
    assert.match(String(failed?.why), /REDIS_URL is not set/);
    assert.deepEqual(
      svc.raw.filter((l) => !l.startsWith('{')),
      [],
    );
  });
});
