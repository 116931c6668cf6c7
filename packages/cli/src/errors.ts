// How ksim fails: like kubectl, one line on stderr (`Error from server (NotFound): …` for API errors,
// `error: …` for everything else) and a non-zero exit code, never a stack trace.
import { StatusError } from '@kubesim/api';

/**
 * A failure decided by the CLI itself. `exitCode` lets exec pass on the remote command's code; `bare` prints
 * the message without the `error: ` prefix (kubectl's `command terminated with exit code N`).
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly bare: boolean;
  constructor(message: string, opts: { exitCode?: number; bare?: boolean } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = opts.exitCode ?? 1;
    this.bare = opts.bare ?? false;
  }
}

const UNREACHABLE = /^The connection to the server (\S+) was refused/;

/** The same server error with kubectl's context in front: `error when creating "deploy.yaml": …`. */
export function inContext(err: unknown, context: string): unknown {
  if (err instanceof StatusError && UNREACHABLE.test(err.message)) return err;
  if (err instanceof StatusError)
    return new StatusError({ ...err.status, message: `${context}: ${err.status.message}` });
  if (err instanceof Error) return new CliError(`${context}: ${err.message}`);
  return err;
}

export function formatError(err: unknown): string {
  if (err instanceof StatusError) {
    // The client reports an unreachable server as a Status too; kubectl prints its own sentence for it.
    const unreachable = err.message.match(UNREACHABLE);
    if (unreachable) {
      const host = URL.canParse(unreachable[1]) ? new URL(unreachable[1]).host : unreachable[1];
      return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    }
    return err.reason
      ? `Error from server (${err.reason}): ${err.message}`
      : `Error from server: ${err.message}`;
  }
  if (err instanceof CliError && err.bare) return err.message;
  return `error: ${err instanceof Error ? err.message : String(err)}`;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof CliError ? err.exitCode : 1;
}

/** Wraps a command action so any failure is reported the kubectl way. */
export function withErrors<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      process.stderr.write(`${formatError(err)}\n`);
      process.exitCode = exitCodeOf(err);
    }
  };
}
