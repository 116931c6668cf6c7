// LIST of a large kind through the API server on this machine: 100k realistic pods (100 ReplicaSets × 1000, bound
// and running) in one namespace, read as JSON (what client-go's reflectors and `kubectl get -o json` ask for), as
// a Table (`kubectl get pods`, whole and as kubectl's first 500-row chunk) and with a label selector. The server
// runs in a process of its own, so wall time (to the last byte) comes with the server's, the client's and Redis'
// CPU time apart. Prints `name: value unit`.
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '@kubesim/store';
import { TestRedis, uniqueName } from '@kubesim/testing';
import { Redis } from 'ioredis';
import {
  dryRun,
  LogFill,
  PODS_PER_RS,
  pod,
  prepared,
  REPLICASETS,
  replicaSet,
  replicaSetName,
} from './cluster-fixture.js';
import { redisCpuSeconds } from './redis-cpu.js';

const PODS = REPLICASETS * PODS_PER_RS;
const RUNS = 3;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

function report(name: string, value: number, unit: string): void {
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)} ${unit}`);
}

/** The ReplicaSets and their pods (bound to nodes a pod list never reads), with names of their own rather than
 *  drawn by the dry run, so no two can collide. */
async function fillPods(store: Store, url: string, cluster: string): Promise<void> {
  const fill = new LogFill(url, cluster);
  const replicaSets = await Promise.all(
    Array.from({ length: REPLICASETS }, (_, r) => dryRun(store, replicaSet(r))),
  );
  await fill.added(replicaSets.map(prepared));
  for (let i = 0; i < PODS_PER_RS; i++) {
    const pods = replicaSets.map((rs, r) => {
      const p = pod(r, rs.metadata.uid as string, i);
      p.metadata.name = `${replicaSetName(r)}-${i.toString(36).padStart(5, 'x')}`;
      return dryRun(store, p).then(prepared);
    });
    await fill.added(await Promise.all(pods));
  }
  fill.close();
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(redisUrl: string, cluster: string): Promise<ServerProcess> {
    const here = dirname(fileURLToPath(import.meta.url));
    const child = fork(join(here, 'api-list-server.ts'), [redisUrl, cluster], {
      execArgv: ['--import', 'tsx'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { url: string }).url));
      child.once('exit', (code) => reject(new Error(`API server exited with ${code}`)));
    });
    return new ServerProcess(child, url);
  }

  /** The server's CPU seconds so far. */
  cpu(): Promise<number> {
    return new Promise((resolve) => {
      this.child.once('message', (m) => {
        const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
        resolve((user + system) / 1e6);
      });
      this.child.send('cpu');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}

const agent = new Agent({ keepAlive: true });

/** GETs `url` and resolves at its last byte with the status and the body's chunks (kept only when asked for). */
function get(
  url: string,
  accept: string,
  keep: boolean,
): Promise<{ status: number; bytes: number; chunks: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Accept: accept } }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keep) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, chunks }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Case {
  name: string;
  path: string;
  accept: string;
  /** Checks the first response's body. */
  check(body: { items?: unknown[]; rows?: unknown[] }): void;
}

const count = (want: number, field: 'items' | 'rows') => (body: { items?: unknown[]; rows?: unknown[] }) => {
  const got = body[field]?.length;
  if (got !== want) throw new Error(`${field}: ${got}, wanted ${want}`);
};

async function measure(server: ServerProcess, redis: Redis, c: Case): Promise<void> {
  for (let run = 0; run < RUNS; run++) {
    const keep = run === 0;
    const serverCpu = await server.cpu();
    const redisBefore = await redisCpuSeconds(redis);
    const clientCpu = process.cpuUsage();
    const started = performance.now();
    const res = await get(`${server.url}${c.path}`, c.accept, keep);
    const seconds = (performance.now() - started) / 1000;
    const client = process.cpuUsage(clientCpu);
    if (res.status !== 200) throw new Error(`${c.name}: HTTP ${res.status}`);
    report(`${c.name}`, seconds, 's');
    report(`${c.name}, server CPU`, (await server.cpu()) - serverCpu, 's');
    report(`${c.name}, Redis CPU`, (await redisCpuSeconds(redis)) - redisBefore, 's');
    report(`${c.name}, client CPU`, (client.user + client.system) / 1e6, 's');
    if (keep) {
      report(`${c.name}, response`, Math.round(res.bytes / 1e4) / 100, 'MB');
      c.check(JSON.parse(Buffer.concat(res.chunks).toString()));
    }
  }
}

/** What `kubectl get pods` does with a big kind: Table pages of 500, each continuing the last. */
async function measurePaged(server: ServerProcess, redis: Redis, path: string, total: number): Promise<void> {
  const name = `get ${total / 1000}k pods in Table pages of 500 (kubectl get)`;
  const serverCpu = await server.cpu();
  const redisBefore = await redisCpuSeconds(redis);
  const started = performance.now();
  let rows = 0;
  let pages = 0;
  for (let token = ''; ; pages++) {
    const res = await get(`${server.url}${path}?limit=500${token ? `&continue=${token}` : ''}`, TABLE, true);
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
    const table = JSON.parse(Buffer.concat(res.chunks).toString()) as {
      rows: unknown[];
      metadata: { continue?: string };
    };
    rows += table.rows.length;
    token = table.metadata.continue ?? '';
    if (!token) break;
  }
  if (rows !== total) throw new Error(`${name}: ${rows} rows`);
  report(name, (performance.now() - started) / 1000, 's');
  report(`${name}, pages`, pages + 1, 'pages');
  report(`${name}, server CPU`, (await server.cpu()) - serverCpu, 's');
  report(`${name}, Redis CPU`, (await redisCpuSeconds(redis)) - redisBefore, 's');
}

async function main(): Promise<void> {
  const redis = await TestRedis.start();
  const cluster = uniqueName('api-list-bench');
  const store = await Store.connect({ url: redis.url, cluster });
  const info = new Redis(redis.url);
  let server: ServerProcess | undefined;
  try {
    const fillStart = performance.now();
    await fillPods(store, redis.url, cluster);
    report('fill: pods', PODS, 'pods');
    report('fill: time', (performance.now() - fillStart) / 1000, 's');
    server = await ServerProcess.start(redis.url, cluster);
    const pods = '/api/v1/namespaces/bench/pods';
    const cases: Case[] = [
      { name: 'list 100k pods JSON', path: pods, accept: 'application/json', check: count(PODS, 'items') },
      {
        name: 'list 100k pods JSON, all namespaces',
        path: '/api/v1/pods',
        accept: 'application/json',
        check: count(PODS, 'items'),
      },
      {
        name: 'list 1k of 100k pods JSON, labelSelector',
        path: `${pods}?labelSelector=app%3Dweb-7`,
        accept: 'application/json',
        check: count(PODS_PER_RS, 'items'),
      },
      {
        name: 'list 500 of 100k pods JSON, limit',
        path: `${pods}?limit=500`,
        accept: 'application/json',
        check: count(500, 'items'),
      },
      { name: 'list 100k pods Table', path: pods, accept: TABLE, check: count(PODS, 'rows') },
      {
        name: 'list 500 of 100k pods Table, limit (one kubectl chunk)',
        path: `${pods}?limit=500`,
        accept: TABLE,
        check: count(500, 'rows'),
      },
    ];
    for (const c of cases) await measure(server, info, c);
    await measurePaged(server, info, pods, PODS);
  } finally {
    agent.destroy();
    await server?.stop();
    info.disconnect();
    await store.close();
    await redis.destroy();
  }
}

await main();
process.exit(0);
