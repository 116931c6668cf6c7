// The supervisor's notion of time, injectable so tests can run crash loops without waiting on real backoff.

export interface Clock {
  now(): number;
  /** Runs fn after ms; the returned function cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
