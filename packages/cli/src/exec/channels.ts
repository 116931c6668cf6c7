// The v5.channel.k8s.io exec protocol: binary WebSocket frames whose first byte is the channel (0 stdin,
// 1 stdout, 2 stderr, 3 status, 4 resize, 255 close), and the Status on channel 3 that carries the exit code.
import { StatusError, type StatusReason } from '@kubesim/api';

export const EXEC_PROTOCOL = 'v5.channel.k8s.io';
export const Channel = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

export function encodeFrame(channel: number, data: Uint8Array | string): Buffer {
  return Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]);
}

/** v5's way to say a stream is finished: a close frame naming the channel. */
export function closeFrame(channel: number): Buffer {
  return Buffer.from([Channel.close, channel]);
}

export function decodeFrame(frame: Buffer): { channel: number; data: Buffer } {
  return { channel: frame[0], data: frame.subarray(1) };
}

/** The query of an exec request: `command` repeated per argument, streams as kubectl asks for them. */
export function execQuery(
  command: readonly string[],
  container: string,
  opts: { stdin: boolean; tty: boolean },
): URLSearchParams {
  const q = new URLSearchParams();
  for (const part of command) q.append('command', part);
  q.set('container', container);
  if (opts.stdin) q.set('stdin', 'true');
  q.set('stdout', 'true');
  // With a terminal, stderr travels on stdout, as it does on a real tty.
  if (!opts.tty) q.set('stderr', 'true');
  if (opts.tty) q.set('tty', 'true');
  return q;
}

/** What a status frame holds: a metav1.Status, whose reason may be exec's own NonZeroExitCode. */
export interface ExecStatus {
  status?: string;
  reason?: string;
  message?: string;
  code?: number;
  details?: { causes?: { reason?: string; message?: string }[] };
}

/** The exit code a status frame reports; a failure that is not an exit code is the server's error. */
export function exitCodeOf(status: ExecStatus): number {
  if (status.status === 'Success') return 0;
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const code = Number(cause?.message);
    return Number.isInteger(code) ? code : 1;
  }
  throw new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: status.message ?? 'command failed',
    reason: status.reason as StatusReason | undefined,
    code: status.code ?? 500,
  });
}

/** Terminal size as the resize channel carries it. */
export function resizeMessage(columns: number, rows: number): string {
  return JSON.stringify({ Width: columns, Height: rows });
}
