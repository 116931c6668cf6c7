// Runs a real kubectl against a kubesim API the way a user would: its own kubeconfig pointing at the server and
// its own HOME (so a fresh discovery cache under ~/.kube/cache and no stray user config), one-shot commands with
// their exit code and output, and long-running ones (`get -w`) whose output is read as it arrives.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@kubesim/testing';
import type { KubectlBinary } from './kubectl-binaries.js';

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
}

function kubeconfig(server: string, namespace: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubesim',
    '  cluster:',
    `    server: ${server}`,
    'users:',
    '- name: kubesim',
    '  user: {}',
    'contexts:',
    '- name: kubesim',
    '  context:',
    '    cluster: kubesim',
    '    user: kubesim',
    `    namespace: ${namespace}`,
    'current-context: kubesim',
    '',
  ].join('\n');
}

/** A kubectl process that keeps running (e.g. `get -w`): its output so far, and a way to wait on it. */
export class KubectlProcess {
  stdout = '';
  stderr = '';
  exit: Promise<number | null>;

  constructor(
    private readonly child: ChildProcess,
    readonly command: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      this.stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr += d;
    });
    this.exit = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  }

  /** Complete stdout lines so far. */
  lines(): string[] {
    return this.stdout.split('\n').slice(0, -1);
  }

  async waitForOutput(check: (stdout: string) => boolean, timeoutMs = 15_000): Promise<void> {
    try {
      await waitFor(() => check(this.stdout), { timeoutMs });
    } catch {
      throw new Error(
        `${this.command}: output did not arrive\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`,
      );
    }
  }

  async waitForStderr(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    try {
      await waitFor(() => pattern.test(this.stderr), { timeoutMs });
    } catch {
      throw new Error(
        `${this.command}: stderr never matched ${pattern}\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`,
      );
    }
  }

  /**
   * Waits until a command started with `-v=6` has its watch of `collectionPath` answered (kubectl logs each
   * response as it starts; 1.32 and 1.33+ phrase that line differently, both with the URL and `200 OK`).
   */
  waitForWatch(collectionPath: string, timeoutMs = 15_000): Promise<void> {
    const escaped = collectionPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.waitForStderr(new RegExp(`${escaped}\\?[^\\s"]*watch=true[^\\n]*200 OK`), timeoutMs);
  }

  /** Stops this kubectl (SIGTERM to its own pid) and waits for it to end. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exit;
  }
}

export class Kubectl {
  private readonly home: string;
  readonly kubeconfigPath: string;
  private readonly running = new Set<KubectlProcess>();

  constructor(
    readonly binary: KubectlBinary,
    server: string,
    namespace = 'default',
  ) {
    this.home = mkdtempSync(join(tmpdir(), 'ksim-kubectl-'));
    this.kubeconfigPath = join(this.home, 'kubeconfig');
    writeFileSync(this.kubeconfigPath, kubeconfig(server, namespace));
  }

  /** A file in this session's private directory, e.g. a manifest or an editor script. */
  writeFile(name: string, content: string, executable = false): string {
    const path = join(this.home, name);
    writeFileSync(path, content);
    if (executable) chmodSync(path, 0o755);
    return path;
  }

  get dir(): string {
    return this.home;
  }

  private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      KUBECONFIG: this.kubeconfigPath,
      KUBECACHEDIR: join(this.home, '.kube', 'cache'),
      ...extra,
    };
  }

  run(args: string[], opts: RunOptions = {}): Promise<KubectlResult> {
    const command = `kubectl ${args.join(' ')}`;
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary.path, args, {
        cwd: this.home,
        env: this.env(opts.env),
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
      });
      child.stderr?.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      if (opts.input !== undefined) child.stdin?.end(opts.input);
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `${command} did not finish in ${opts.timeoutMs ?? 20_000} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
          ),
        );
      }, opts.timeoutMs ?? 20_000);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Runs a command that must succeed; returns its stdout. */
  async ok(args: string[], opts: RunOptions = {}): Promise<string> {
    const r = await this.run(args, opts);
    if (r.code !== 0) {
      throw new Error(
        `kubectl ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
      );
    }
    return r.stdout;
  }

  /** Runs a command that must fail; returns its stderr. */
  async fails(args: string[], opts: RunOptions = {}): Promise<string> {
    const r = await this.run(args, opts);
    if (r.code === 0) {
      throw new Error(
        `kubectl ${args.join(' ')} succeeded but should fail\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
      );
    }
    return r.stderr;
  }

  /** Starts a long-running command; `dispose` stops whatever is still running. */
  start(args: string[], opts: { env?: Record<string, string> } = {}): KubectlProcess {
    const child = spawn(this.binary.path, args, {
      cwd: this.home,
      env: this.env(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new KubectlProcess(child, `kubectl ${args.join(' ')}`);
    this.running.add(proc);
    void proc.exit.then(() => this.running.delete(proc));
    return proc;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.running].map((p) => p.kill()));
    rmSync(this.home, { recursive: true, force: true });
  }
}

/**
 * Reads `kubectl get` output as rows keyed by column header. kubectl pads columns with at least three spaces, and
 * no cell contains three spaces in a row, so splitting on that keeps cells such as `NODE SELECTOR` whole.
 */
export function parseTable(stdout: string): Record<string, string>[] {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const split = (l: string) => l.trim().split(/ {3,}|\t+/);
  const header = split(lines[0]);
  return lines
    .slice(1)
    .filter((l) => l !== lines[0])
    .map((l) => Object.fromEntries(split(l).map((cell, i) => [header[i] ?? `#${i}`, cell])));
}
