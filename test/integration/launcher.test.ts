// `pnpm start` end to end: the real launcher in a temp KSIM_HOME, read back through `ksim ps`, then SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from '@kubesim/testing';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface TableRow {
  name: string;
  pid?: number;
  status: string;
  restarts: number;
}
interface Table {
  launcher: { pid: number; status: string };
  redisUrl?: string;
  processes: TableRow[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('launcher (pnpm start) end to end', function () {
  this.timeout(60_000);
  let home: string;
  let env: NodeJS.ProcessEnv;
  let launcher: ChildProcess;
  let output = '';
  let redisPort: number;
  let apiPort: number;
  let pidsSeen: number[] = [];

  const tablePath = () => join(home, 'processes.json');
  const readTable = (): Table | undefined =>
    existsSync(tablePath()) ? (JSON.parse(readFileSync(tablePath(), 'utf8')) as Table) : undefined;
  const node = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
  const expectedServices = () =>
    existsSync(join(repoRoot, 'services'))
      ? readdirSync(join(repoRoot, 'services')).filter((s) =>
          existsSync(join(repoRoot, 'services', s, 'src', 'main.ts')),
        )
      : [];

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'ksim-e2e-home-'));
    redisPort = await freePort();
    apiPort = await freePort();
    env = {
      ...process.env,
      KSIM_HOME: home,
      KSIM_REDIS_PORT: String(redisPort),
      KSIM_API_PORT: String(apiPort),
    };
    delete env.REDIS_URL;
    delete env.KSIM_LOG_STDOUT;
    launcher = spawn(process.execPath, ['--import', 'tsx', 'packages/launcher/src/main.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (d) => (output += d));
    launcher.stderr!.on('data', (d) => (output += d));
  });

  after(() => {
    // Only on failure is anything still running; never leave a stray redis-server or service behind.
    if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
    for (const pid of pidsSeen) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('starts a private redis-server and every service, and records them in processes.json', async () => {
    const wanted = ['redis', ...expectedServices()];
    const table = await waitFor(
      () => {
        const t = readTable();
        const running = (name: string) => t?.processes.some((p) => p.name === name && p.status === 'Running');
        return wanted.every(running) && t;
      },
      {
        timeoutMs: 20_000,
        message: `${wanted.join(', ')} Running in processes.json; launcher output:\n${output}`,
      },
    );
    pidsSeen = table.processes.flatMap((p) => (p.pid ? [p.pid] : []));
    assert.equal(table.launcher.pid, launcher.pid);
    assert.equal(table.launcher.status, 'Running');
    assert.equal(table.redisUrl, `redis://127.0.0.1:${redisPort}`);
    assert.deepEqual(table.processes.map((p) => p.name).sort(), ['redis', ...expectedServices()].sort());
    assert.equal(Number(readFileSync(join(home, 'launcher.pid'), 'utf8')), launcher.pid);
    const redisPid = table.processes.find((p) => p.name === 'redis')!.pid!;
    await waitFor(() => existsSync(join(home, 'redis.pid')));
    assert.equal(Number(readFileSync(join(home, 'redis.pid'), 'utf8')), redisPid);
    assert.ok(existsSync(join(home, 'redis', 'appendonlydir')), 'AOF directory under KSIM_HOME');
    assert.match(
      readFileSync(join(home, 'kubeconfig'), 'utf8'),
      new RegExp(`server: http://127.0.0.1:${apiPort}\\n`),
    );
  });

  it('serves the API where it says it does', async () => {
    await waitFor(() => output.includes(`kubesim API: http://127.0.0.1:${apiPort}`), {
      timeoutMs: 20_000,
      message: `the API announcement; launcher output:\n${output}`,
    });
    const version = (await (await fetch(`http://127.0.0.1:${apiPort}/version`)).json()) as { major: string };
    assert.equal(version.major, '1');
    const namespaces = (await (await fetch(`http://127.0.0.1:${apiPort}/api/v1/namespaces`)).json()) as {
      items: { metadata: { name: string } }[];
    };
    assert.ok(namespaces.items.some((n) => n.metadata.name === 'default'));
  });

  it('ksim ps prints a kubectl-style table with one row per process', () => {
    const ps = node(['packages/cli/src/main.ts', 'ps']);
    assert.equal(ps.status, 0, ps.stderr);
    const lines = ps.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^NAME {2,}PID {2,}STATUS {2,}RESTARTS {2,}AGE$/);
    const table = readTable()!;
    assert.equal(lines.length, 1 + table.processes.length);
    const redis = lines.find((l) => l.startsWith('redis '));
    assert.match(redis ?? '', /^redis +\d+ +Running +0 +\d+s$/);
    // Every column starts where its header starts.
    const starts = ['PID', 'STATUS', 'RESTARTS', 'AGE'].map((h) => lines[0].indexOf(h));
    for (const line of lines.slice(1)) {
      for (const s of starts) assert.equal(line[s - 1], ' ', `column misaligned in "${line}"`);
      for (const s of starts) assert.notEqual(line[s], ' ', `column misaligned in "${line}"`);
    }

    const json = node(['packages/cli/src/main.ts', 'ps', '-o', 'json']);
    assert.equal(json.status, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as Table).launcher.pid, launcher.pid);
  });

  it('refuses a second launcher on the same KSIM_HOME', () => {
    const second = node(['packages/launcher/src/main.ts']);
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`kubesim is already running .*launcher pid ${launcher.pid}`));
  });

  it('stops everything on SIGTERM, marks the table Stopped and removes the pid files', async () => {
    const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
    launcher.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    const table = readTable()!;
    assert.equal(table.launcher.status, 'Stopped');
    for (const p of table.processes) assert.equal(p.status, 'Stopped', `${p.name} is ${p.status}`);
    for (const pid of pidsSeen) assert.equal(alive(pid), false, `pid ${pid} still alive`);
    assert.equal(existsSync(join(home, 'launcher.pid')), false);
    assert.equal(existsSync(join(home, 'redis.pid')), false);

    const ps = node(['packages/cli/src/main.ts', 'ps']);
    assert.equal(ps.status, 1);
    assert.match(ps.stderr, /no kubesim launcher is running/);
  });
});
