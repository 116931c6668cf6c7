// pods/exec and pods/attach over SPDY/3.1, the remote command protocol of kubectl before 1.30 (and the fallback
// of later ones): after the 101, the client opens one stream per channel, named by its `streamtype` header
// (error, stdin, stdout, stderr, resize); once all the request asks for are open, the session starts. Output
// goes out on the stdout and stderr streams, the final status on the error stream, and the server ends them all.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, statusErrors } from '@kubesim/api';
import { Channel } from '@kubesim/store';
import type { ExecTransport } from '../exec.js';
import { SpdyServerConnection, type SpdyStream } from './connection.js';

/** The channel protocols served over SPDY, newest first (v5 is WebSocket only). */
const SPDY_PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io'];
/** How long the client may take to open the streams it asked for. */
const STREAMS_TIMEOUT_MS = 30_000;

/** The first protocol in the client's order of preference that is served here; a 400 naming both lists if none. */
export function spdyProtocolFor(req: IncomingMessage): string {
  const offered = String(req.headers['x-stream-protocol-version'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const chosen = offered.find((p) => SPDY_PROTOCOLS.includes(p));
  if (chosen === undefined) {
    throw new StatusError(
      statusErrors.badRequest(
        `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server supports [${SPDY_PROTOCOLS.join(' ')}]`,
      ),
    );
  }
  return chosen;
}

export interface RequestedStreams {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** The stream types the client opens for this request (the error stream always; resize with a tty, v3 on). */
function expectedStreamTypes(protocol: string, r: RequestedStreams): string[] {
  const types = ['error'];
  if (r.stdin) types.push('stdin');
  if (r.stdout) types.push('stdout');
  if (r.stderr && !r.tty) types.push('stderr');
  if (r.tty && protocol !== 'v2.channel.k8s.io') types.push('resize');
  return types;
}

/** Switches the socket to SPDY and calls `ready` with the transport once the client opened its streams. */
export function acceptSpdyExec(
  socket: Duplex,
  head: Buffer,
  protocol: string,
  requested: RequestedStreams,
  ready: (transport: ExecTransport) => void,
): void {
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${protocol}\r\n\r\n`,
  );
  const expected = expectedStreamTypes(protocol, requested);
  const streams = new Map<string, SpdyStream>();
  const closeHandlers: (() => void)[] = [];
  let closed = false;
  const connection = new SpdyServerConnection(
    socket,
    (stream) => {
      const type = stream.headers.streamtype ?? '';
      if (!expected.includes(type) || streams.has(type)) return stream.end();
      streams.set(type, stream);
      if (streams.size === expected.length) {
        clearTimeout(timeout);
        ready(transportOver(streams));
      }
    },
    () => {
      closed = true;
      clearTimeout(timeout);
      for (const handler of closeHandlers) handler();
    },
  );
  const timeout = setTimeout(() => connection.close(), STREAMS_TIMEOUT_MS);
  if (head.length > 0) socket.unshift(head);

  const transportOver = (s: Map<string, SpdyStream>): ExecTransport => {
    const output: Record<number, SpdyStream | undefined> = {
      [Channel.stdout]: s.get('stdout'),
      [Channel.stderr]: s.get('stderr'),
      [Channel.status]: s.get('error'),
    };
    return {
      protocol,
      isOpen: () => !closed,
      send: (channel, data) => output[channel]?.write(data),
      close: () => {
        for (const stream of s.values()) stream.end();
        connection.end();
      },
      onInput: (handler) => {
        const stdin = s.get('stdin');
        stdin?.onData((data) => handler(Channel.stdin, data));
        stdin?.onEnd(() => handler(Channel.close, Buffer.from([Channel.stdin])));
        s.get('resize')?.onData((data) => handler(Channel.resize, data));
      },
      onClose: (handler) => {
        if (closed) handler();
        else closeHandlers.push(handler);
      },
    };
  };
}
