// Runs named child processes, restarts any that die with exponential backoff, and stops them on request.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextRestartDelay } from './backoff.js';
import { ChildLog, type LineEcho } from './child-log.js';
import { type Clock, systemClock } from './clock.js';
import type { ManagedProcess, ProcessExit, ProcessStatus } from './process-table.js';

export interface ProcessSpec {
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export type SupervisorEvent =
  | { type: 'started'; name: string; pid: number | undefined; restarts: number }
  | { type: 'exited'; name: string; exit: ProcessExit; restartInMs?: number }
  | { type: 'stopped'; name: string };

export interface SupervisorOptions {
  /** Each child appends its output to `<logDir>/<name>.log`. */
  logDir: string;
  backoff?: BackoffPolicy;
  clock?: Clock;
  /** How long a child may take to exit after SIGTERM before it (and its process group) get SIGKILL. */
  stopGraceMs?: number;
  echo?: LineEcho;
  onEvent?: (event: SupervisorEvent) => void;
}

export const DEFAULT_STOP_GRACE_MS = 10_000;

// Spawn failures that another attempt cannot fix: the command or working directory is missing or not runnable.
const PERMANENT_SPAWN_ERRORS = new Set(['ENOENT', 'EACCES']);

interface Slot {
  spec: ProcessSpec;
  status: ProcessStatus;
  restarts: number;
  child?: ChildProcess;
  pid?: number;
  startedAtMs?: number;
  lastDelayMs?: number;
  lastExit?: ProcessExit;
  cancelRestart?: () => void;
  stopRequested: boolean;
  exitWaiters: Array<() => void>;
}

export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private readonly clock: Clock;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly opts: SupervisorOptions) {
    this.clock = opts.clock ?? systemClock;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    mkdirSync(opts.logDir, { recursive: true });
  }

  /** Starts supervising a child; from now on it is restarted whenever it exits until stop() names it. */
  start(spec: ProcessSpec): void {
    const current = this.slots.get(spec.name);
    if (current && (current.status === 'Running' || current.status === 'Restarting')) {
      throw new Error(`${spec.name} is already supervised`);
    }
    const slot: Slot = { spec, status: 'Running', restarts: 0, stopRequested: false, exitWaiters: [] };
    this.slots.set(spec.name, slot);
    this.spawn(slot);
  }

  /** A snapshot of every child this supervisor has run, in the order they were first started. */
  list(): ManagedProcess[] {
    return [...this.slots.values()].map((slot) => this.describe(slot));
  }

  get(name: string): ManagedProcess | undefined {
    const slot = this.slots.get(name);
    return slot && this.describe(slot);
  }

  /** Stops the named children (all by default) in parallel and resolves once every one has exited. */
  async stop(names?: readonly string[]): Promise<void> {
    const targets = names
      ? names.map((n) => this.slots.get(n)).filter((s) => s !== undefined)
      : [...this.slots.values()];
    await Promise.all(targets.map((slot) => this.stopSlot(slot)));
  }

  private describe(slot: Slot): ManagedProcess {
    const p: ManagedProcess = {
      name: slot.spec.name,
      status: slot.status,
      restarts: slot.restarts,
      command: [slot.spec.command, ...slot.spec.args],
    };
    if (slot.status === 'Running' && slot.pid !== undefined) p.pid = slot.pid;
    if (slot.startedAtMs !== undefined) p.startedAt = new Date(slot.startedAtMs).toISOString();
    if (slot.lastExit) p.lastExit = slot.lastExit;
    return p;
  }

  private spawn(slot: Slot): void {
    const { spec } = slot;
    const log = new ChildLog(join(this.opts.logDir, `${spec.name}.log`), spec.name, this.opts.echo);
    // Own process group: a terminal's Ctrl-C reaches only the launcher, which then stops children in order.
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    slot.child = child;
    slot.pid = child.pid;
    slot.status = 'Running';
    slot.startedAtMs = this.clock.now();
    log.note(`started pid ${child.pid ?? '-'}: ${[spec.command, ...spec.args].join(' ')}`);
    log.follow(child.stdout!);
    log.follow(child.stderr!);

    let gone = false;
    const onGone = (exit: ProcessExit) => {
      if (gone) return;
      gone = true;
      this.handleExit(slot, exit);
    };
    child.once('exit', (code, signal) => onGone({ code, signal, at: this.isoNow() }));
    child.once('error', (err: NodeJS.ErrnoException) => {
      log.note(`error: ${err.message}`);
      // Errors from a live child (a failed kill) are not exits; a child that never got a pid never will exit.
      if (child.pid === undefined)
        onGone({ code: null, signal: null, error: err.code ?? err.message, at: this.isoNow() });
    });
    child.once('close', (code, signal) => {
      log.note(`exited: code ${code} signal ${signal}`);
      log.close();
    });
    this.emit({ type: 'started', name: spec.name, pid: child.pid, restarts: slot.restarts });
  }

  private handleExit(slot: Slot, exit: ProcessExit): void {
    const ranForMs = this.clock.now() - (slot.startedAtMs ?? this.clock.now());
    slot.child = undefined;
    slot.pid = undefined;
    slot.lastExit = exit;
    const waiters = slot.exitWaiters.splice(0);
    if (slot.stopRequested) {
      slot.status = 'Stopped';
      this.emit({ type: 'stopped', name: slot.spec.name });
    } else if (exit.error && PERMANENT_SPAWN_ERRORS.has(exit.error)) {
      slot.status = 'Exited';
      this.emit({ type: 'exited', name: slot.spec.name, exit });
    } else {
      const delay = nextRestartDelay(slot.lastDelayMs, ranForMs, this.backoff);
      slot.lastDelayMs = delay;
      slot.status = 'Restarting';
      slot.cancelRestart = this.clock.setTimeout(() => {
        slot.cancelRestart = undefined;
        slot.restarts++;
        this.spawn(slot);
      }, delay);
      this.emit({ type: 'exited', name: slot.spec.name, exit, restartInMs: delay });
    }
    for (const wake of waiters) wake();
  }

  private async stopSlot(slot: Slot): Promise<void> {
    slot.stopRequested = true;
    if (slot.cancelRestart) {
      slot.cancelRestart();
      slot.cancelRestart = undefined;
      slot.status = 'Stopped';
      this.emit({ type: 'stopped', name: slot.spec.name });
      return;
    }
    const child = slot.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => slot.exitWaiters.push(resolve));
    child.kill('SIGTERM');
    const cancelKill = this.clock.setTimeout(
      () => killProcessGroup(child),
      this.opts.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
    );
    await exited;
    cancelKill();
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private emit(event: SupervisorEvent): void {
    this.opts.onEvent?.(event);
  }
}

/** SIGKILL for the child and anything it spawned (it leads its own process group). */
function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
