// Finds the services present in the workspace and describes how the launcher runs each one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessSpec } from './supervisor.js';

/** The API first, so clients can connect while the controllers are still replaying the log. */
export const SERVICE_START_ORDER = [
  'api',
  'deployment-controller',
  'statefulset-controller',
  'daemonset-controller',
  'scheduler',
  'core-controller',
  'node-agent',
] as const;

export interface ServiceEntry {
  name: string;
  /** Absolute path of services/<name>/src/main.ts. */
  entry: string;
}

/** Every services/<name>/src/main.ts that exists: known services in start order, any others after, by name. */
export function discoverServices(repoRoot: string): ServiceEntry[] {
  const dir = join(repoRoot, 'services');
  if (!existsSync(dir)) return [];
  const rank = (name: string) => {
    const i = (SERVICE_START_ORDER as readonly string[]).indexOf(name);
    return i === -1 ? SERVICE_START_ORDER.length : i;
  };
  return readdirSync(dir)
    .map((name) => ({ name, entry: join(dir, name, 'src', 'main.ts') }))
    .filter((s) => existsSync(s.entry))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export interface ServiceSettings {
  redisUrl: string;
  cluster: string;
  home: string;
  timeScale: number;
  apiPort: number;
}

/** The environment every service gets: the launcher's own, with kubesim's settings made explicit. */
export function serviceEnv(base: NodeJS.ProcessEnv, s: ServiceSettings): NodeJS.ProcessEnv {
  return {
    ...base,
    REDIS_URL: s.redisUrl,
    KSIM_CLUSTER: s.cluster,
    KSIM_HOME: s.home,
    KSIM_TIME_SCALE: String(s.timeScale),
    KSIM_API_PORT: String(s.apiPort),
  };
}

// Resolved here rather than by the child, so a service runs the same whatever its working directory.
const tsxLoader = import.meta.resolve('tsx');
const parentWatch = fileURLToPath(new URL('./parent-watch.ts', import.meta.url));

export function serviceSpec(svc: ServiceEntry, repoRoot: string, env: NodeJS.ProcessEnv): ProcessSpec {
  return {
    name: svc.name,
    command: process.execPath,
    args: ['--import', tsxLoader, '--import', parentWatch, svc.entry],
    cwd: repoRoot,
    env: { ...env, KSIM_LAUNCHER_PID: String(process.pid) },
  };
}
