// The API service as a real child process (`node --import tsx services/api/src/main.ts`), for suites that kill
// and restart it: fixed port across restarts, readiness from /readyz, SIGKILL on demand.
import { type ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '@kubesim/testing';
import { repoRoot } from './kubectl-binaries.js';

export interface ApiProcessOptions {
  redisUrl: string;
  cluster: string;
  port: number;
}

export class ApiProcess {
  private child?: ChildProcess;
  /** Everything the process wrote, across restarts, for failure messages. */
  output = '';

  private constructor(private readonly opts: ApiProcessOptions) {}

  static async start(opts: ApiProcessOptions): Promise<ApiProcess> {
    const api = new ApiProcess(opts);
    await api.launch();
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private async launch(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        REDIS_URL: this.opts.redisUrl,
        KSIM_CLUSTER: this.opts.cluster,
        KSIM_API_PORT: String(this.opts.port),
        KSIM_API_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d) => {
      this.output += d;
    });
    child.stderr?.on('data', (d) => {
      this.output += d;
    });
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
          const res = await fetch(`${this.url}/readyz`).catch(() => undefined);
          return res?.status === 200;
        },
        { timeoutMs: 30_000 },
      );
    } catch (err) {
      throw new Error(`the API process did not become ready: ${(err as Error).message}\n${this.output}`);
    }
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(sig);
    await exited;
  }

  /** SIGKILL: no graceful shutdown, open connections just drop. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Starts the API again on the same port. */
  restart(): Promise<void> {
    return this.launch();
  }

  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }
}
