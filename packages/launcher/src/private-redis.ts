// The launcher's private redis-server: data and AOF under KSIM_HOME, loopback only, supervised like any child
// so a crash is restarted and replays its AOF.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ksimPaths } from './paths.js';
import { isProcessAlive, readPidFile } from './pid-file.js';
import { isPortFree } from './ports.js';
import { waitForRedis } from './redis-ping.js';
import type { ProcessSpec, Supervisor } from './supervisor.js';

export const REDIS_PROCESS_NAME = 'redis';

export function privateRedisUrl(port: number): string {
  return `redis://127.0.0.1:${port}`;
}

export interface PrivateRedisOptions {
  home: string;
  port: number;
  startTimeoutMs?: number;
}

export function privateRedisSpec({ home, port }: PrivateRedisOptions): ProcessSpec {
  const paths = ksimPaths(home);
  const config: [string, string][] = [
    ['port', String(port)],
    ['bind', '127.0.0.1'],
    ['dir', paths.redisDir],
    ['appendonly', 'yes'],
    ['appendfsync', 'everysec'],
    // The AOF is the persistence; periodic RDB snapshots would only duplicate it.
    ['save', ''],
    ['pidfile', paths.redisPidFile],
    ['daemonize', 'no'],
  ];
  return {
    name: REDIS_PROCESS_NAME,
    command: 'redis-server',
    args: config.flatMap(([key, value]) => [`--${key}`, value]),
  };
}

/**
 * Starts the private Redis under the supervisor and resolves with its URL once it answers PING. Stopping it
 * is `supervisor.stop(['redis'])`: SIGTERM makes redis-server flush and fsync its AOF before exiting.
 */
export async function startPrivateRedis(supervisor: Supervisor, opts: PrivateRedisOptions): Promise<string> {
  const paths = ksimPaths(opts.home);
  await stopLeftoverRedis(paths.redisPidFile);
  if (!(await isPortFree(opts.port))) {
    throw new Error(
      `port ${opts.port} is already in use, so the private Redis cannot start; set KSIM_REDIS_PORT to a free port, or REDIS_URL to use a running Redis`,
    );
  }
  mkdirSync(paths.redisDir, { recursive: true });
  supervisor.start(privateRedisSpec(opts));
  const url = privateRedisUrl(opts.port);
  const log = join(paths.logs, `${REDIS_PROCESS_NAME}.log`);
  await waitForRedis(url, {
    timeoutMs: opts.startTimeoutMs ?? 15_000,
    failure: () => {
      const redis = supervisor.get(REDIS_PROCESS_NAME);
      if (redis?.lastExit?.error === 'ENOENT') {
        return 'redis-server is not installed (on Debian: apt-get install redis-server), or set REDIS_URL to use a running Redis';
      }
      if (redis?.lastExit)
        return `redis-server exited during startup; last lines of ${log}:\n${tail(log, 8)}`;
      return undefined;
    },
  });
  return url;
}

/**
 * A launcher that was killed outright leaves its redis-server running with this home's pid file; shut it down
 * (cleanly, so its AOF is complete) before starting a new one on the same data.
 */
async function stopLeftoverRedis(pidFile: string): Promise<void> {
  const pid = readPidFile(pidFile);
  if (pid === undefined || !isProcessAlive(pid) || !isRedisServer(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`a leftover redis-server (pid ${pid}) did not stop after SIGTERM`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isRedisServer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'redis-server';
  } catch {
    // Without /proc the pid cannot be told apart from a reused one; leave it alone and let the port check speak.
    return false;
  }
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
