// Structured JSON logs (pino), one logger per component, level from KSIM_LOG_LEVEL (default info).
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default stdout); tests pass a stream to read them back. */
  destination?: DestinationStream;
}

export function createLogger(component: string, opts: LoggerOptions = {}): Logger {
  const level = (opts.level ?? process.env.KSIM_LOG_LEVEL ?? 'info').toLowerCase();
  if (!LEVELS.includes(level)) {
    throw new Error(`KSIM_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}"`);
  }
  return pino(
    {
      level,
      base: { component },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names read better than pino's numbers when a person tails the logs.
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ sync: false }),
  );
}

/**
 * The `log` callback the store accepts, writing through a pino logger. The store's reconnect reports (they carry
 * the delay before the next attempt) become one short line an operator recognises at a glance.
 */
export function storeLogger(
  log: Logger,
): (level: 'info' | 'warn' | 'error', msg: string, fields?: object) => void {
  return (level, msg, fields) => {
    const delayMs = (fields as { delayMs?: unknown } | undefined)?.delayMs;
    if (level === 'warn' && typeof delayMs === 'number') {
      log.warn(
        { ...fields, detail: msg },
        `redis unavailable, retrying in ${Number((delayMs / 1000).toFixed(1))}s`,
      );
      return;
    }
    log[level](fields ?? {}, msg);
  };
}
