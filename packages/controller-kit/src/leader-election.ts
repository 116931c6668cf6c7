// Leader election on a store lease, with client-go's timing rules: candidates try to take the lease every
// retry period; the leader renews it every retry period and gives up leading as soon as a renewal is refused or
// it has not renewed for the renew deadline, which is shorter than the lease, so it stops before anyone else
// can take over. A leader that dies simply stops renewing and a follower takes over once the lease lapses.
import type { Store } from '@kubesim/store';
import { type CancelTimer, type Clock, clock as defaultClock } from './clock.js';
import { createLogger, type Logger } from './log.js';
import { leaderMetrics } from './metrics.js';

/** client-go's defaults (simulated milliseconds). */
export const DEFAULT_LEASE_DURATION_MS = 15_000;
export const DEFAULT_RENEW_DEADLINE_MS = 10_000;
export const DEFAULT_RETRY_PERIOD_MS = 2_000;
/** Candidates wait retryPeriod × [1, 1 + JITTER) between attempts, so they do not move in lockstep. */
const JITTER = 0.2;

export interface LeaderElectionConfig {
  /** Name of the lease (one per controller, shared by its replicas). */
  leaseName: string;
  /** This candidate's identity; unique per process. */
  identity: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  /** Give the lease up when run() is cancelled, so a follower takes over at once (default true). */
  releaseOnCancel?: boolean;
}

export interface LeaderCallbacks {
  /** Called on becoming leader; `signal` aborts the moment leadership is lost or the elector stops. */
  onStartedLeading(signal: AbortSignal): void;
  onStoppedLeading?(): void;
}

export interface LeaderElectorOptions extends LeaderElectionConfig, LeaderCallbacks {
  store: Store;
  clock?: Clock;
  log?: Logger;
}

export class LeaderElector {
  readonly leaseName: string;
  readonly identity: string;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private readonly releaseOnCancel: boolean;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly callbacks: LeaderCallbacks;
  private readonly metrics: { leading(is: boolean): void };
  private term?: AbortController;

  constructor(opts: LeaderElectorOptions) {
    this.leaseName = opts.leaseName;
    this.identity = opts.identity;
    this.leaseDurationMs = opts.leaseDurationMs ?? DEFAULT_LEASE_DURATION_MS;
    this.renewDeadlineMs = opts.renewDeadlineMs ?? DEFAULT_RENEW_DEADLINE_MS;
    this.retryPeriodMs = opts.retryPeriodMs ?? DEFAULT_RETRY_PERIOD_MS;
    this.releaseOnCancel = opts.releaseOnCancel ?? true;
    if (this.leaseDurationMs <= this.renewDeadlineMs) {
      throw new Error('leaseDuration must be greater than renewDeadline');
    }
    if (this.renewDeadlineMs <= this.retryPeriodMs * (1 + JITTER)) {
      throw new Error(`renewDeadline must be greater than retryPeriod*${1 + JITTER}`);
    }
    this.store = opts.store;
    this.clock = opts.clock ?? defaultClock;
    this.log = opts.log ?? createLogger('leader-election');
    this.callbacks = opts;
    this.metrics = leaderMetrics(opts.leaseName);
  }

  isLeader(): boolean {
    return this.term !== undefined && !this.term.signal.aborted;
  }

  /**
   * Campaigns, leads, and campaigns again after losing the lease, until `signal` aborts. On abort a leader
   * releases the lease (unless releaseOnCancel is false) so a follower need not wait for it to lapse.
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (!(await this.acquire(signal))) break;
      // Cancelled while the winning attempt was in flight: never lead, hand the lease straight back.
      if (signal.aborted) {
        if (this.releaseOnCancel) await this.release();
        break;
      }
      await this.lead(signal);
    }
  }

  /** Tries to take the lease every retry period (jittered) until it succeeds or `signal` aborts. */
  private async acquire(signal: AbortSignal): Promise<boolean> {
    let announced = false;
    while (!signal.aborted) {
      try {
        if (await this.tryAcquireOrRenew()) return true;
      } catch (err) {
        this.log.warn(
          { lease: this.leaseName, why: err instanceof Error ? err.message : String(err) },
          'lease acquisition failed',
        );
      }
      if (!announced) {
        const holder = await this.store.getLease(this.leaseName).catch(() => undefined);
        this.log.info(
          { lease: this.leaseName, identity: this.identity, holder: holder?.holder },
          'waiting for the lease',
        );
        announced = true;
      }
      await this.clock.sleep(this.retryPeriodMs * (1 + Math.random() * JITTER), signal);
    }
    return false;
  }

  /** Leads until a renewal is refused, the renew deadline passes without one, or `signal` aborts. */
  private async lead(signal: AbortSignal): Promise<void> {
    const term = new AbortController();
    this.term = term;
    const stop = () => term.abort();
    signal.addEventListener('abort', stop, { once: true });
    // The deadline is a timer, not a check after each attempt: a renewal stuck on a dead connection must not
    // keep this process acting as leader.
    let cancelDeadline: CancelTimer = () => {};
    const armDeadline = () => {
      cancelDeadline();
      cancelDeadline = this.clock.timer(this.renewDeadlineMs, () => {
        if (term.signal.aborted) return;
        this.log.warn(
          { lease: this.leaseName, identity: this.identity },
          'failed to renew the lease in time, stopping leading',
        );
        term.abort();
      });
    };
    armDeadline();
    // A renewal the deadline cut short still occupies the store; run() settles only after it does.
    let inFlight: Promise<void> = Promise.resolve();
    this.metrics.leading(true);
    this.log.info({ lease: this.leaseName, identity: this.identity }, 'became leader');
    try {
      this.callbacks.onStartedLeading(term.signal);
    } catch (err) {
      this.log.error(
        { lease: this.leaseName, why: err instanceof Error ? err.message : String(err) },
        'onStartedLeading failed',
      );
    }
    while (!term.signal.aborted) {
      if (!(await this.clock.sleep(this.retryPeriodMs, term.signal))) break;
      let renewed: boolean | undefined;
      try {
        const renewal = this.tryAcquireOrRenew();
        inFlight = renewal.then(
          () => {},
          () => {},
        );
        renewed = await untilAborted(renewal, term.signal);
      } catch (err) {
        // Transient: retried every period until the deadline timer decides.
        this.log.warn(
          { lease: this.leaseName, why: err instanceof Error ? err.message : String(err) },
          'lease renewal failed',
        );
        continue;
      }
      if (term.signal.aborted) break;
      if (renewed) {
        armDeadline();
      } else {
        this.log.warn(
          { lease: this.leaseName, identity: this.identity },
          'lease taken by another holder, stopping leading',
        );
        term.abort();
      }
    }
    cancelDeadline();
    signal.removeEventListener('abort', stop);
    this.term = undefined;
    this.metrics.leading(false);
    this.log.info({ lease: this.leaseName, identity: this.identity }, 'stopped leading');
    try {
      this.callbacks.onStoppedLeading?.();
    } catch (err) {
      this.log.error(
        { lease: this.leaseName, why: err instanceof Error ? err.message : String(err) },
        'onStoppedLeading failed',
      );
    }
    await inFlight;
    if (signal.aborted && this.releaseOnCancel) await this.release();
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    return this.store.acquireLease(this.leaseName, this.identity, this.clock.toRealMs(this.leaseDurationMs));
  }

  private async release(): Promise<void> {
    try {
      await this.store.releaseLease(this.leaseName, this.identity);
    } catch (err) {
      this.log.warn(
        { lease: this.leaseName, why: err instanceof Error ? err.message : String(err) },
        'could not release the lease',
      );
    }
  }
}

/** Settles like `p`, or with undefined as soon as `signal` aborts (a call stuck on a dead connection). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
