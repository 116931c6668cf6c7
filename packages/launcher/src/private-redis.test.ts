import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@kubesim/testing';
import { Redis } from 'ioredis';
import { ksimPaths } from './paths.js';
import { isProcessAlive, readPidFile } from './pid-file.js';
import { REDIS_PROCESS_NAME, startPrivateRedis } from './private-redis.js';
import { Supervisor } from './supervisor.js';

/** Every byte of the AOF files redis-server keeps under its dir. */
function aofText(home: string): string {
  const dir = join(ksimPaths(home).redisDir, 'appendonlydir');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .join('');
}

describe('startPrivateRedis', () => {
  let home: string;
  let sup: Supervisor;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ksim-home-'));
    sup = new Supervisor({ logDir: ksimPaths(home).logs });
  });
  afterEach(async () => {
    await sup.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('runs redis-server with its AOF under KSIM_HOME and stops it cleanly', async () => {
    const port = await freePort();
    const url = await startPrivateRedis(sup, { home, port });
    assert.equal(url, `redis://127.0.0.1:${port}`);
    const pid = sup.get(REDIS_PROCESS_NAME)!.pid!;
    assert.equal(readPidFile(ksimPaths(home).redisPidFile), pid);

    const client = new Redis(url);
    assert.equal(await client.config('GET', 'appendonly').then((r) => (r as string[])[1]), 'yes');
    assert.equal(await client.config('GET', 'appendfsync').then((r) => (r as string[])[1]), 'everysec');
    assert.equal(await client.config('GET', 'bind').then((r) => (r as string[])[1]), '127.0.0.1');
    await client.set('ksim-probe', 'kept-by-the-aof');
    client.disconnect();

    await sup.stop([REDIS_PROCESS_NAME]);
    const redis = sup.get(REDIS_PROCESS_NAME)!;
    assert.equal(redis.status, 'Stopped');
    assert.deepEqual([redis.lastExit?.code, redis.lastExit?.signal], [0, null]);
    assert.equal(isProcessAlive(pid), false);
    assert.equal(existsSync(ksimPaths(home).redisPidFile), false);
    assert.ok(aofText(home).includes('kept-by-the-aof'));
    await waitFor(() =>
      readFileSync(join(ksimPaths(home).logs, 'redis.log'), 'utf8').includes('ready to exit, bye bye'),
    );
  });

  it('comes back with the same data after a restart on the same home', async () => {
    const port = await freePort();
    const client = new Redis(await startPrivateRedis(sup, { home, port }));
    await client.set('ksim-probe', 'still-here');
    client.disconnect();
    await sup.stop([REDIS_PROCESS_NAME]);

    const again = new Redis(await startPrivateRedis(sup, { home, port }));
    assert.equal(await again.get('ksim-probe'), 'still-here');
    again.disconnect();
  });

  it('restarts a redis-server that was killed, replaying its AOF', async () => {
    const url = await startPrivateRedis(sup, { home, port: await freePort() });
    const client = new Redis(url, { maxRetriesPerRequest: null });
    client.on('error', () => {}); // refused connections while redis-server is down are expected here
    // Acknowledged writes are already in the AOF file (fsync is what everysec defers), so SIGKILL loses nothing.
    await client.set('ksim-probe', 'survives');
    process.kill(sup.get(REDIS_PROCESS_NAME)!.pid!, 'SIGKILL');
    await waitFor(
      () => sup.get(REDIS_PROCESS_NAME)!.restarts === 1 && sup.get(REDIS_PROCESS_NAME)!.status === 'Running',
      {
        timeoutMs: 10_000,
      },
    );
    assert.equal(await waitFor(() => client.get('ksim-probe').catch(() => undefined)), 'survives');
    client.disconnect();
  });

  it('shuts down a redis-server left running by a launcher that was killed, keeping its data', async () => {
    const port = await freePort();
    // Stands in for the dead launcher; its long backoff keeps it from reviving the server it loses.
    const dead = new Supervisor({
      logDir: join(home, 'dead-logs'),
      backoff: { initialMs: 60_000, maxMs: 60_000, resetAfterMs: 1 },
    });
    try {
      const client = new Redis(await startPrivateRedis(dead, { home, port }));
      await client.set('ksim-probe', 'from-the-last-run');
      client.disconnect();
      const leftover = dead.get(REDIS_PROCESS_NAME)!.pid!;

      const again = new Redis(await startPrivateRedis(sup, { home, port }));
      assert.equal(isProcessAlive(leftover), false);
      assert.equal(dead.get(REDIS_PROCESS_NAME)!.lastExit?.code, 0);
      assert.equal(await again.get('ksim-probe'), 'from-the-last-run');
      again.disconnect();
    } finally {
      await dead.stop();
    }
  });

  it('says so when the port is taken', async () => {
    const port = await freePort();
    await startPrivateRedis(sup, { home, port });
    const other = new Supervisor({ logDir: join(home, 'other-logs') });
    await assert.rejects(
      startPrivateRedis(other, { home: join(home, 'other'), port }),
      /port \d+ is already in use/,
    );
  });
});
