// The server end of a SPDY/3.1 connection, as far as kubectl's remote command client uses it: the client opens
// every stream (SYN_STREAM with headers), the server accepts each with a SYN_REPLY, then both send data frames
// and end their direction with FIN. Header blocks are compressed with one zlib context per direction for the
// whole connection, primed with the SPDY dictionary; zlib in Node is asynchronous, so incoming frames are handled
// and outgoing ones written strictly in order through two queues. Flow control is not enforced (kubectl's
// stream library neither enforces nor sends window updates); pings are answered.

import type { Duplex } from 'node:stream';
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary.js';
import {
  controlFrame,
  dataFrames,
  decodeHeaderBlock,
  encodeHeaderBlock,
  FLAG_FIN,
  type Frame,
  FrameReader,
  FrameType,
  streamIdAt,
  streamIdField,
} from './framing.js';

export interface SpdyStream {
  readonly id: number;
  readonly headers: Record<string, string>;
  /** Data from the client; `end` once it sent FIN or reset the stream. */
  onData(handler: (data: Buffer) => void): void;
  onEnd(handler: () => void): void;
  write(data: Buffer): void;
  /** Ends this direction (FIN); further writes are dropped. */
  end(): void;
}

/** Runs `step` after every step queued before it, whether that one succeeded or not. */
class Sequence {
  private tail: Promise<void> = Promise.resolve();
  run(step: () => Promise<void> | void): Promise<void> {
    const next = this.tail.then(step);
    this.tail = next.catch(() => {});
    return next;
  }
}

/** A header block larger than this once inflated is refused (a few hundred bytes is what kubectl sends). */
const MAX_HEADER_BLOCK = 64 * 1024;
/** Streams one connection may open: kubectl opens at most five (error, stdin, stdout, stderr, resize). */
const MAX_STREAMS = 16;
/** Data a client may send on a stream before anyone reads it. */
const MAX_UNREAD_BYTES = 1 << 20;

/** Sends `input` through a zlib stream with a sync flush and returns what came out of it. */
function flushThrough(z: Inflate | Deflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    let size = 0;
    const done = (err?: Error) => {
      z.off('data', onData);
      z.off('error', done);
      if (err) reject(err);
      else resolve(Buffer.concat(out));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      out.push(chunk);
      // A block that inflates without end: the stream is of no further use, and the connection is dropped.
      if (size > MAX_HEADER_BLOCK) {
        done(new Error('SPDY header block too large'));
        z.destroy();
      }
    };
    z.on('data', onData);
    z.on('error', done);
    z.write(input);
    z.flush(constants.Z_SYNC_FLUSH, (err?: Error | null) => done(err ?? undefined));
  });
}

/** What the client sends on a stream goes to `data`, then `end`. */
interface IncomingSide {
  data: (d: Buffer) => void;
  end: () => void;
  ended: boolean;
}

export class SpdyServerConnection {
  private readonly reader = new FrameReader();
  private readonly inflate = createInflate({ dictionary: SPDY3_DICTIONARY });
  private readonly deflate = createDeflate({ dictionary: SPDY3_DICTIONARY });
  private readonly incoming = new Sequence();
  private readonly outgoing = new Sequence();
  private readonly streams = new Map<number, IncomingSide>();
  private closed = false;
  private lastStreamId = 0;

  constructor(
    private readonly socket: Duplex,
    private readonly onStream: (stream: SpdyStream) => void,
    private readonly onClose: () => void,
  ) {
    // A zlib error also fails the flushThrough in progress; these listeners keep a later one from going unhandled.
    this.inflate.on('error', () => this.close());
    this.deflate.on('error', () => this.close());
    socket.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = this.reader.push(chunk);
      } catch {
        return this.close();
      }
      for (const frame of frames) void this.incoming.run(() => this.handle(frame)).catch(() => this.close());
    });
    // A client that stops sending is done (kubectl never half-closes a live session).
    socket.on('end', () => this.close());
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
  }

  /** Says goodbye and closes the socket once everything queued before has been written. */
  end(): void {
    void this.outgoing.run(() => {
      if (this.closed) return;
      // GOAWAY: the last stream id the server accepted, then status OK (0).
      const payload = Buffer.concat([streamIdField(this.lastStreamId), Buffer.alloc(4)]);
      this.socket.write(controlFrame(FrameType.goAway, 0, payload));
      this.socket.end();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) if (!s.ended) s.end();
    this.streams.clear();
    this.inflate.close();
    this.deflate.close();
    this.socket.destroy();
    this.onClose();
  }

  private async handle(frame: Frame): Promise<void> {
    if (this.closed) return;
    if (!frame.control) {
      const s = this.streams.get(frame.streamId);
      if (!s || s.ended) return;
      if (frame.payload.length > 0) s.data(Buffer.from(frame.payload));
      if (frame.flags & FLAG_FIN) this.endIncoming(frame.streamId);
      return;
    }
    switch (frame.type) {
      case FrameType.synStream: {
        const id = streamIdAt(frame.payload);
        // stream id, associated stream id, priority and slot, then the compressed headers
        const headers = decodeHeaderBlock(await flushThrough(this.inflate, frame.payload.subarray(10)));
        // The connection may have closed while the block was inflating.
        if (this.closed) return;
        if (this.streams.size >= MAX_STREAMS) throw new Error('too many SPDY streams');
        this.accept(id, headers, (frame.flags & FLAG_FIN) !== 0);
        return;
      }
      case FrameType.headers:
        // Its headers change nothing here, but the block still moves the decompressor on.
        await flushThrough(this.inflate, frame.payload.subarray(4));
        return;
      case FrameType.rstStream:
        this.endIncoming(streamIdAt(frame.payload));
        return;
      case FrameType.ping:
        void this.outgoing.run(() => this.write([controlFrame(FrameType.ping, 0, frame.payload)]));
        return;
      case FrameType.goAway:
        this.close();
        return;
      default:
        // SETTINGS, WINDOW_UPDATE: nothing to do.
        return;
    }
  }

  private accept(id: number, headers: Record<string, string>, fin: boolean): void {
    const buffered: Buffer[] = [];
    let bufferedBytes = 0;
    const entry: IncomingSide = {
      // Held until someone reads the stream; a client that fills a stream nobody reads is dropped.
      data: (d) => {
        bufferedBytes += d.length;
        if (bufferedBytes > MAX_UNREAD_BYTES) this.close();
        else buffered.push(d);
      },
      end: () => {},
      ended: false,
    };
    this.streams.set(id, entry);
    this.lastStreamId = Math.max(this.lastStreamId, id);
    let finished = false;
    const stream: SpdyStream = {
      id,
      headers,
      onData: (handler) => {
        for (const d of buffered.splice(0)) handler(d);
        entry.data = handler;
      },
      onEnd: (handler) => {
        if (entry.ended) handler();
        else entry.end = handler;
      },
      write: (data) => {
        if (finished || data.length === 0) return;
        void this.outgoing.run(() => this.write(dataFrames(id, data, false)));
      },
      end: () => {
        if (finished) return;
        finished = true;
        void this.outgoing.run(() => this.write(dataFrames(id, Buffer.alloc(0), true)));
      },
    };
    void this.outgoing.run(async () => {
      const block = await flushThrough(this.deflate, encodeHeaderBlock({}));
      this.write([controlFrame(FrameType.synReply, 0, Buffer.concat([streamIdField(id), block]))]);
    });
    if (fin) this.endIncoming(id);
    this.onStream(stream);
  }

  private endIncoming(id: number): void {
    const s = this.streams.get(id);
    if (!s || s.ended) return;
    s.ended = true;
    s.end();
  }

  private write(buffers: Buffer[]): void {
    if (this.closed || this.socket.destroyed) return;
    for (const b of buffers) this.socket.write(b);
  }
}
