// Exec and attach sessions between the API server and the node agent that runs a pod, carried over
// Redis streams so neither side needs the other's address: the API files a request on the node's
// request stream, then both sides exchange channel frames (stdin/stdout/stderr/status/resize/close)
// on the session's in and out streams, like the channels of Kubernetes' remotecommand protocol.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { closeConnection } from '../connection.js';
import { SESSION_TTL_SECONDS, sessionKeys } from './keys.js';
import { connectChannelRedis, streamEnd, tailStream } from './stream-tail.js';

export const Channel = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

/** Internal frame a node agent sends first, so the API can tell a silent command from an absent node. */
export const ACCEPTED_CHANNEL = 254;

export interface ExecRequest {
  session: string;
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  /** attach joins the container's main process instead of starting a command. */
  attach: boolean;
}

export interface Frame {
  channel: number;
  data: Buffer;
}

function frameOf(fields: Buffer[]): Frame {
  let channel = -1;
  let data: Buffer = Buffer.alloc(0);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const k = fields[i].toString();
    if (k === 'ch') channel = Number(fields[i + 1].toString());
    else if (k === 'd') data = fields[i + 1];
  }
  return { channel, data };
}

/** One side of a session: write frames to one stream, read the other's frames from the other. */
export class SessionEnd {
  private closed = false;
  private readonly reader: Redis;

  constructor(
    private readonly writer: Redis,
    private readonly writeKey: string,
    private readonly readKey: string,
  ) {
    this.reader = writer.duplicate();
    this.reader.on('error', () => {});
  }

  async send(channel: number, data: Buffer | string): Promise<void> {
    await this.writer
      .multi()
      .xadd(this.writeKey, 'MAXLEN', '~', '10000', '*', 'ch', String(channel), 'd', data)
      .expire(this.writeKey, SESSION_TTL_SECONDS)
      .exec();
  }

  async *frames(): AsyncGenerator<Frame> {
    for await (const [, fields] of tailStream(this.reader, this.readKey, '0-0', () => this.closed))
      yield frameOf(fields);
  }

  close(): void {
    this.closed = true;
    closeConnection(this.reader);
  }
}

export class ExecSessions {
  private readonly keys;

  private constructor(
    private readonly conn: Redis,
    cluster: string,
  ) {
    this.keys = sessionKeys(cluster);
  }

  static connect(url: string, cluster: string): ExecSessions {
    return new ExecSessions(connectChannelRedis(url), cluster);
  }

  /** API side: files the request on the node's stream and returns the API's end of the session. */
  async open(node: string, req: Omit<ExecRequest, 'session'>): Promise<{ id: string; end: SessionEnd }> {
    const id = randomUUID();
    const key = this.keys.execRequests(node);
    const payload = JSON.stringify({ ...req, session: id } satisfies ExecRequest);
    await this.conn
      .multi()
      .xadd(key, 'MAXLEN', '~', '1000', '*', 'req', payload)
      .expire(key, SESSION_TTL_SECONDS)
      .exec();
    return { id, end: new SessionEnd(this.conn, this.keys.execIn(id), this.keys.execOut(id)) };
  }

  /**
   * Node side: serves requests filed for `node` once `ready` has resolved, one handler run per session. A
   * request filed before then may be missed (the API answers it with a timeout), as by a node that is starting.
   */
  serve(
    node: string,
    handler: (req: ExecRequest, end: SessionEnd) => Promise<void>,
  ): { ready: Promise<void>; stop(): void } {
    const reader = this.conn.duplicate();
    reader.on('error', () => {});
    let stopped = false;
    const key = this.keys.execRequests(node);
    const start = streamEnd(reader, key, () => stopped);
    const loop = async () => {
      const after = await start;
      if (after === undefined) return;
      for await (const [, fields] of tailStream(reader, key, after, () => stopped)) {
        let req: ExecRequest;
        try {
          req = JSON.parse(fields[1].toString()) as ExecRequest;
        } catch {
          continue; // not a request this side wrote: nothing to answer
        }
        const end = new SessionEnd(this.conn, this.keys.execOut(req.session), this.keys.execIn(req.session));
        end
          .send(ACCEPTED_CHANNEL, '')
          .then(() => handler(req, end))
          .catch(() =>
            end.send(
              Channel.status,
              JSON.stringify({ status: 'Failure', message: 'exec failed on the node' }),
            ),
          )
          // Even the failure report can fail (Redis gone, shutting down): the session just ends.
          .catch(() => {})
          .finally(() => end.close());
      }
    };
    void loop();
    return {
      ready: start.then(() => {}),
      stop: () => {
        stopped = true;
        closeConnection(reader);
      },
    };
  }

  close(): void {
    closeConnection(this.conn);
  }
}
