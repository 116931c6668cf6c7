// The simulation clock: every delay in kubesim is expressed in simulated milliseconds and converted to real time
// here, so one setting (KSIM_TIME_SCALE) speeds up or slows down the whole system without skipping behaviour.

/** Cancels a pending timer; calling it after the timer fired does nothing. */
export type CancelTimer = () => void;

export class Clock {
  /** Real milliseconds per simulated millisecond: 1 = real time, 0.01 = a hundred times faster. */
  readonly scale: number;

  constructor(scale = 1) {
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new Error(`time scale must be a positive number, got ${scale}`);
    }
    this.scale = scale;
  }

  /** A clock scaled by KSIM_TIME_SCALE (unset = real time). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
    const raw = env.KSIM_TIME_SCALE;
    if (raw === undefined || raw.trim() === '') return new Clock(1);
    const scale = Number(raw);
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new Error(`KSIM_TIME_SCALE must be a positive number, got "${raw}"`);
    }
    return new Clock(scale);
  }

  /** Wall time. Timestamps are never scaled: objects carry real dates; only waiting is faster or slower. */
  now(): Date {
    return new Date();
  }

  /** Epoch milliseconds of now(), for arithmetic against real deadlines. */
  nowMs(): number {
    return Date.now();
  }

  toRealMs(simMs: number): number {
    return Math.max(0, simMs * this.scale);
  }

  toSimMs(realMs: number): number {
    return realMs / this.scale;
  }

  /** Runs `fn` after `simMs` simulated milliseconds. */
  timer(simMs: number, fn: () => void): CancelTimer {
    const handle = setTimeout(fn, this.toRealMs(simMs));
    return () => clearTimeout(handle);
  }

  /** Waits `simMs`; resolves true when the time elapsed, false when `signal` aborted first (never rejects). */
  sleep(simMs: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = () => {
        cancel();
        resolve(false);
      };
      const cancel = this.timer(simMs, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resolves with the time at which `simMs` simulated milliseconds have passed (Go's time.After). */
  async after(simMs: number): Promise<Date> {
    await this.sleep(simMs);
    return this.now();
  }
}

/** The process-wide clock every component uses unless a test hands it another one. */
export const clock: Clock = Clock.fromEnv();
