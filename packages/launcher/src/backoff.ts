// Restart backoff for crashing children: doubles per consecutive crash, capped, and forgiven after a healthy run.

export interface BackoffPolicy {
  /** Delay before the first restart after a healthy run. */
  initialMs: number;
  /** Ceiling the doubling stops at. */
  maxMs: number;
  /** A run at least this long counts as healthy and resets the delay to initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/** The delay before the next restart, given the delay used last time (if any) and how long the child ran. */
export function nextRestartDelay(
  previousDelayMs: number | undefined,
  ranForMs: number,
  policy: BackoffPolicy,
): number {
  if (previousDelayMs === undefined || ranForMs >= policy.resetAfterMs) return policy.initialMs;
  return Math.min(previousDelayMs * 2, policy.maxMs);
}
