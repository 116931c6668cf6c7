// `pnpm start`: brings kubesim up — a private Redis unless REDIS_URL is set, then every service as its own
// supervised process — and takes it all down again on Ctrl-C or SIGTERM.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { type LauncherConfig, loadLauncherConfig, USAGE } from './config.js';
import { writeKubeconfig } from './kubeconfig.js';
import { ksimPaths } from './paths.js';
import { claimPidFile } from './pid-file.js';
import { isPortFree, isPortListening } from './ports.js';
import { privateRedisUrl, REDIS_PROCESS_NAME, startPrivateRedis } from './private-redis.js';
import { writeProcessTable } from './process-table.js';
import { waitForRedis } from './redis-ping.js';
import { discoverServices, serviceEnv, serviceSpec } from './services.js';
import { Supervisor, type SupervisorEvent } from './supervisor.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function say(text: string): void {
  console.log(`kubesim: ${text}`);
}

function describeEvent(e: SupervisorEvent): string | undefined {
  if (e.type === 'started')
    return e.restarts > 0 ? `${e.name} restarted (pid ${e.pid}, restart ${e.restarts})` : undefined;
  if (e.type === 'stopped') return undefined;
  const how = e.exit.error ?? (e.exit.signal ? `signal ${e.exit.signal}` : `code ${e.exit.code}`);
  return e.restartInMs === undefined
    ? `${e.name} exited (${how}) and will not be restarted`
    : `${e.name} exited (${how}); restarting in ${e.restartInMs / 1000}s`;
}

/** A path as the user would type it from where they started kubesim. */
function friendlyPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The URL without its password, for files and terminals. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function run(config: LauncherConfig): Promise<number> {
  const paths = ksimPaths(config.home);
  mkdirSync(paths.logs, { recursive: true });
  const claim = claimPidFile(paths.launcherPidFile);
  if (!claim.claimed) {
    console.error(
      `kubesim is already running from ${friendlyPath(config.home)} (launcher pid ${claim.holder}); stop it with Ctrl-C in its terminal or \`kill ${claim.holder}\`, or use another KSIM_HOME`,
    );
    return 1;
  }

  const services = discoverServices(repoRoot);
  const hasApi = services.some((s) => s.name === 'api');
  const nameWidth = Math.max(REDIS_PROCESS_NAME.length, ...services.map((s) => s.name.length));
  const startedAt = new Date().toISOString();
  // With a token the API serves TLS: kubectl sends credentials only over https.
  const apiUrl = `${config.apiToken ? 'https' : 'http'}://127.0.0.1:${config.apiPort}`;
  const redisUrl = config.redisUrl ?? privateRedisUrl(config.redisPort);
  let launcherStatus: 'Running' | 'Stopped' = 'Running';

  const publish = () =>
    writeProcessTable(config.home, {
      cluster: config.cluster,
      launcher: { pid: process.pid, status: launcherStatus, startedAt },
      redisUrl: redactUrl(redisUrl),
      ...(hasApi && { apiUrl }),
      kubeconfig: paths.kubeconfig,
      processes: supervisor.list(),
      updatedAt: new Date().toISOString(),
    });
  const supervisor = new Supervisor({
    logDir: paths.logs,
    echo: config.verbose ? (name, line) => console.log(`${name.padEnd(nameWidth)} | ${line}`) : undefined,
    onEvent: (e) => {
      const line = describeEvent(e);
      if (line) say(line);
      publish();
    },
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      say(`${signal}: stopping`);
      // Services first, so they can finish their writes; the Redis they write to last.
      await supervisor.stop(services.map((s) => s.name));
      await supervisor.stop([REDIS_PROCESS_NAME]);
      launcherStatus = 'Stopped';
      publish();
      claim.release();
      say('stopped');
    })();
    return stopping;
  };
  const finished = new Promise<number>((resolveExit) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => void shutdown(signal).then(() => resolveExit(0)));
    }
  });

  try {
    publish();
    writeKubeconfig(paths.kubeconfig, { cluster: config.cluster, server: apiUrl, token: config.apiToken });
    if (config.redisUrl) {
      await waitForRedis(redisUrl, { timeoutMs: 10_000 });
      say(`using Redis at ${redactUrl(redisUrl)} (REDIS_URL)`);
    } else {
      await startPrivateRedis(supervisor, { home: config.home, port: config.redisPort });
      say(`private redis-server on ${redisUrl}, data and AOF in ${friendlyPath(paths.redisDir)}`);
    }
    // A Ctrl-C while Redis was coming up has already stopped everything; start nothing more.
    if (stopping) return finished;
    if (services.length === 0) {
      say('no services found (services/<name>/src/main.ts); running Redis alone');
    } else {
      if (hasApi && !(await isPortFree(config.apiPort))) {
        throw new Error(
          `port ${config.apiPort} is already in use, so the API cannot listen; set KSIM_API_PORT to a free port`,
        );
      }
      const env = serviceEnv(process.env, { ...config, redisUrl });
      for (const svc of services) supervisor.start(serviceSpec(svc, repoRoot, env));
      say(`started ${services.map((s) => s.name).join(', ')}; logs in ${friendlyPath(paths.logs)}`);
    }
    publish();
  } catch (err) {
    if (stopping) return finished;
    console.error(`kubesim: ${(err as Error).message}`);
    await shutdown('startup failed');
    return 1;
  }

  if (hasApi) void announceApi(config, apiUrl, paths.kubeconfig, () => stopping !== undefined);
  say(`\`pnpm ksim ps\` lists the processes; Ctrl-C stops everything`);
  return finished;
}

/** Prints where the API listens once it accepts connections, or says where to look if it never does. */
async function announceApi(
  config: LauncherConfig,
  apiUrl: string,
  kubeconfig: string,
  stopped: () => boolean,
) {
  const deadline = Date.now() + 30_000;
  while (!(await isPortListening(config.apiPort))) {
    if (stopped()) return;
    if (Date.now() > deadline) {
      say(
        `the API is not listening on ${apiUrl} yet; see ${friendlyPath(ksimPaths(config.home).logs)}/api.log`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (stopped()) return;
  console.log(`kubesim API: ${apiUrl}`);
  console.log(`kubeconfig:  ${friendlyPath(kubeconfig)}`);
  console.log(`try:         kubectl --kubeconfig ${friendlyPath(kubeconfig)} get pods`);
}

const parsed = loadLauncherConfig(process.argv.slice(2), process.env, process.cwd());
if (E.isLeft(parsed)) {
  for (const problem of parsed.left) console.error(`kubesim: ${problem}`);
  console.error(`\n${USAGE}`);
  process.exit(2);
}
if (parsed.right.help) {
  console.log(USAGE);
  process.exit(0);
}
process.exit(await run(parsed.right));
