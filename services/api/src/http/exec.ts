// pods/exec and pods/attach over WebSocket with Kubernetes' channel protocols (v5, v4, v3, v2,
// channel.k8s.io and the base64 variants), and over SPDY/3.1 for kubectl before 1.30 (spdy/exec.ts). The API
// bridges the connection to an exec session on the pod's node agent; it never runs commands itself.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isStatusError, type Status, statusErrors } from '@kubesim/api';
import { ACCEPTED_CHANNEL, Channel, type SessionEnd } from '@kubesim/store';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ApiContext } from './context.js';
import { podContainer, requireRunning } from './pod-target.js';
import { parseRequestPath } from './request-info.js';
import { splitRequestTarget } from './request-target.js';
import { toStatus } from './respond.js';
import { acceptSpdyExec, spdyProtocolFor } from './spdy/exec.js';

const BINARY_PROTOCOLS = [
  'v5.channel.k8s.io',
  'v4.channel.k8s.io',
  'v3.channel.k8s.io',
  'v2.channel.k8s.io',
  'channel.k8s.io',
];
const BASE64_PROTOCOLS = ['v4.base64.channel.k8s.io', 'base64.channel.k8s.io'];
const SUPPORTED = new Set([...BINARY_PROTOCOLS, ...BASE64_PROTOCOLS]);
/** How long a node agent may take to pick up a session before the API gives up on it. */
const NODE_ACCEPT_TIMEOUT_MS = 10_000;

function rejectUpgrade(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${status.code} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

interface Framing {
  protocol: string;
  encode(channel: number, data: Buffer): Buffer | string;
  decode(message: Buffer, isBinary: boolean): { channel: number; data: Buffer };
}

function framingFor(protocol: string): Framing {
  if (protocol.includes('base64')) {
    return {
      protocol,
      encode: (ch, data) => `${ch}${data.toString('base64')}`,
      decode: (m) => ({
        channel: Number(String.fromCharCode(m[0])),
        data: Buffer.from(m.subarray(1).toString(), 'base64'),
      }),
    };
  }
  return {
    protocol,
    encode: (ch, data) => Buffer.concat([Buffer.from([ch]), data]),
    decode: (m) => ({ channel: m[0], data: m.subarray(1) }),
  };
}

/** v4 and later report the end with a JSON Status on the status channel; older ones only send error text. */
function statusFrame(
  protocol: string,
  status: Status | { status: string; message?: string },
): Buffer | undefined {
  const versioned = protocol.startsWith('v4.') || protocol.startsWith('v5.');
  if (versioned) return Buffer.from(JSON.stringify(status));
  return status.status === 'Success' ? undefined : Buffer.from(status.message ?? 'command failed');
}

export function createExecUpgradeHandler(api: ApiContext, authorized: (req: IncomingMessage) => boolean) {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => [...offered].find((p) => SUPPORTED.has(p)) ?? false,
  });

  return async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    try {
      if (!authorized(req)) return rejectUpgrade(socket, statusErrors.unauthorized());
      const url = splitRequestTarget(req.url);
      const target = parseRequestPath(url.pathname);
      const upgrade = (req.headers.upgrade ?? '').toLowerCase();
      if (
        target.type !== 'resource' ||
        target.info.kind !== 'Pod' ||
        !['exec', 'attach'].includes(target.subresource ?? '')
      ) {
        return rejectUpgrade(socket, statusErrors.notFound({ group: '', resource: 'pods' }, url.pathname));
      }
      if (upgrade !== 'websocket' && upgrade !== 'spdy/3.1') {
        return rejectUpgrade(
          socket,
          statusErrors.badRequest(`unsupported upgrade "${upgrade}": use WebSocket or SPDY/3.1`),
        );
      }
      const spdyProtocol = upgrade === 'spdy/3.1' ? spdyProtocolFor(req) : undefined;
      const q = url.searchParams;
      const attach = target.subresource === 'attach';
      const command = q.getAll('command');
      if (!attach && command.length === 0) {
        return rejectUpgrade(socket, statusErrors.badRequest('you must specify at least 1 command'));
      }
      const namespace = target.namespace ?? 'default';
      const { pod, container } = await podContainer(api, namespace, target.name ?? '', q.get('container'));
      const node = requireRunning(pod, container);
      const stdin = q.get('stdin') === 'true' || q.get('input') === '1';
      const tty = q.get('tty') === 'true';
      const request = { namespace, pod: pod.metadata.name ?? '', container, command, stdin, tty, attach };
      const streams = { stdin, stdout: q.get('stdout') === 'true', stderr: q.get('stderr') === 'true', tty };
      if (spdyProtocol !== undefined) {
        acceptSpdyExec(socket, head, spdyProtocol, streams, (transport) =>
          bridge(api, transport, node, request),
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        bridge(api, webSocketTransport(ws, framingFor(ws.protocol || 'channel.k8s.io')), node, request);
      });
    } catch (err) {
      rejectUpgrade(socket, isStatusError(err) ? err.status : toStatus(err));
    }
  };
}

/** What carries an exec session to the client: a WebSocket or a SPDY connection. */
export interface ExecTransport {
  /** The channel protocol agreed on: it decides how the final status is written. */
  readonly protocol: string;
  isOpen(): boolean;
  /** Output for the client: stdout, stderr or the status. */
  send(channel: number, data: Buffer): void;
  close(): void;
  /** Input from the client: stdin, resize, or the end of stdin (the close channel). */
  onInput(handler: (channel: number, data: Buffer) => void): void;
  onClose(handler: () => void): void;
}

function webSocketTransport(ws: WebSocket, framing: Framing): ExecTransport {
  return {
    protocol: framing.protocol,
    isOpen: () => ws.readyState === ws.OPEN,
    send: (channel, data) => ws.send(framing.encode(channel, data)),
    close: () => {
      if (ws.readyState === ws.OPEN) ws.close(1000);
    },
    onInput: (handler) =>
      ws.on('message', (message: Buffer, isBinary: boolean) => {
        const { channel, data } = framing.decode(message, isBinary);
        handler(channel, data);
      }),
    onClose: (handler) => ws.on('close', handler),
  };
}

async function bridge(
  api: ApiContext,
  transport: ExecTransport,
  node: string,
  request: {
    namespace: string;
    pod: string;
    container: string;
    command: string[];
    stdin: boolean;
    tty: boolean;
    attach: boolean;
  },
): Promise<void> {
  let end: SessionEnd | undefined;
  const finish = (status?: Status | { status: string; message?: string }) => {
    if (status && transport.isOpen()) {
      const frame = statusFrame(transport.protocol, status);
      if (frame) transport.send(Channel.status, frame);
    }
    end?.close();
    transport.close();
  };
  // Input is taken from the first moment (a client may send stdin before the session is filed) and passed on
  // in order once it is; input that arrives as the session ends has nowhere to go and is dropped.
  const early: [number, Buffer | string][] = [];
  let forward = (channel: number, data: Buffer | string) => {
    early.push([channel, data]);
  };
  let clientGone = false;
  let onClientGone = () => {};
  transport.onInput((channel, data) => {
    if (channel === Channel.stdin || channel === Channel.resize || channel === Channel.close)
      forward(channel, data);
  });
  transport.onClose(() => {
    clientGone = true;
    forward(Channel.close, '');
    onClientGone();
  });
  try {
    const opened = await api.sessions.open(node, request);
    end = opened.end;
    const session = end;
    let input = Promise.resolve();
    forward = (channel, data) => {
      input = input.then(() => session.send(channel, data)).catch(() => {});
    };
    for (const [channel, data] of early.splice(0)) forward(channel, data);
    onClientGone = () => void input.finally(() => session.close());
    if (clientGone) onClientGone();
    // Without stdin there is nothing to wait for on the input side.
    if (!request.stdin) forward(Channel.close, '');
    const accepted = setTimeout(
      () =>
        finish(statusErrors.unavailable(`the node agent for node "${node}" did not answer: is it running?`)),
      NODE_ACCEPT_TIMEOUT_MS,
    );
    try {
      for await (const frame of session.frames()) {
        if (frame.channel === ACCEPTED_CHANNEL) {
          clearTimeout(accepted);
          continue;
        }
        if (frame.channel === Channel.status) return finish(JSON.parse(frame.data.toString()));
        if (!transport.isOpen()) break;
        transport.send(frame.channel, frame.data);
      }
    } finally {
      clearTimeout(accepted);
    }
  } catch (err) {
    finish(toStatus(err));
  }
}
