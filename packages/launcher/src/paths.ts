// Where everything lives under KSIM_HOME, shared by the launcher and `ksim` so both agree on file names.
import { join, resolve } from 'node:path';

export interface KsimPaths {
  home: string;
  logs: string;
  redisDir: string;
  redisPidFile: string;
  launcherPidFile: string;
  processTable: string;
  kubeconfig: string;
}

/** KSIM_HOME as an absolute path; `.kubesim` in the working directory unless the environment says otherwise. */
export function resolveKsimHome(env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, env.KSIM_HOME || '.kubesim');
}

export function ksimPaths(home: string): KsimPaths {
  return {
    home,
    logs: join(home, 'logs'),
    redisDir: join(home, 'redis'),
    redisPidFile: join(home, 'redis.pid'),
    launcherPidFile: join(home, 'launcher.pid'),
    processTable: join(home, 'processes.json'),
    kubeconfig: join(home, 'kubeconfig'),
  };
}
