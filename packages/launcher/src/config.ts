// The launcher's settings, read from its command line and environment with kubesim's defaults; every bad
// value is reported at once.
import { parseArgs } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { resolveKsimHome } from './paths.js';

export const DEFAULT_CLUSTER = 'kubesim';
// A stable port is friendlier than a random one (redis-cli -p 6390 keeps working across runs); 6379 is left to
// any Redis the machine already runs.
export const DEFAULT_REDIS_PORT = 6390;
export const DEFAULT_API_PORT = 8080;
const MACHINE_REDIS_PORT = 6379;

export interface LauncherConfig {
  home: string;
  cluster: string;
  /** An existing Redis to use instead of starting a private one. */
  redisUrl?: string;
  redisPort: number;
  apiPort: number;
  timeScale: number;
  apiToken?: string;
  /** Echo every child's output on the launcher's stdout, prefixed with its name. */
  verbose: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm start [--verbose]

Starts kubesim: a private redis-server (unless REDIS_URL is set) and every service as its own process.

Options:
  -v, --verbose   also print every process's output here, prefixed with its name (or KSIM_LOG_STDOUT=1)
  -h, --help      show this help

Environment:
  KSIM_HOME        state, logs and kubeconfig (default .kubesim)
  KSIM_CLUSTER     cluster name (default ${DEFAULT_CLUSTER})
  REDIS_URL        use this Redis instead of starting one
  KSIM_REDIS_PORT  port of the private Redis (default ${DEFAULT_REDIS_PORT})
  KSIM_API_PORT    port of the API (default ${DEFAULT_API_PORT})
  KSIM_TIME_SCALE  speed of simulated time, 1 = real time (default 1)
  KSIM_API_TOKEN   bearer token written to the kubeconfig`;

export function loadLauncherConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): E.Either<string[], LauncherConfig> {
  const problems: string[] = [];
  let flags = { verbose: false, help: false };
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
    });
    flags = { verbose: values.verbose ?? false, help: values.help ?? false };
  } catch (err) {
    problems.push((err as Error).message);
  }
  const redisPort = port('KSIM_REDIS_PORT', env.KSIM_REDIS_PORT, DEFAULT_REDIS_PORT, problems);
  if (redisPort === MACHINE_REDIS_PORT) {
    problems.push(
      `KSIM_REDIS_PORT=${MACHINE_REDIS_PORT} is where a machine-wide Redis usually runs; pick another port, or set REDIS_URL to use that Redis`,
    );
  }
  const apiPort = port('KSIM_API_PORT', env.KSIM_API_PORT, DEFAULT_API_PORT, problems);
  const timeScale = env.KSIM_TIME_SCALE ? Number(env.KSIM_TIME_SCALE) : 1;
  if (!(Number.isFinite(timeScale) && timeScale > 0)) {
    problems.push(`KSIM_TIME_SCALE must be a positive number, got "${env.KSIM_TIME_SCALE}"`);
  }
  if (problems.length > 0) return E.left(problems);
  const config: LauncherConfig = {
    home: resolveKsimHome(env, cwd),
    cluster: env.KSIM_CLUSTER || DEFAULT_CLUSTER,
    redisPort,
    apiPort,
    timeScale,
    verbose: flags.verbose || env.KSIM_LOG_STDOUT === '1',
    help: flags.help,
  };
  if (env.REDIS_URL) config.redisUrl = env.REDIS_URL;
  if (env.KSIM_API_TOKEN) config.apiToken = env.KSIM_API_TOKEN;
  return E.right(config);
}

function port(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) {
    problems.push(`${name} must be a port number between 1 and 65535, got "${raw}"`);
    return fallback;
  }
  return n;
}
