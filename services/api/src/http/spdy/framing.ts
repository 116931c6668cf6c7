// SPDY/3.1 frames as kubectl's stream library exchanges them: an 8-byte header, then the payload. A control
// frame's header is [1 | version (15 bits)] [type (16)] [flags (8)] [length (24)]; a data frame's is
// [0 | stream id (31)] [flags (8)] [length (24)].

export const FrameType = {
  synStream: 1,
  synReply: 2,
  rstStream: 3,
  settings: 4,
  ping: 6,
  goAway: 7,
  headers: 8,
  windowUpdate: 9,
} as const;

/** Ends the stream in this direction (data, SYN_STREAM and SYN_REPLY frames). */
export const FLAG_FIN = 0x01;
const SPDY_VERSION = 3;
const HEADER_BYTES = 8;
/** The 24-bit length field's limit, for frames this side sends. */
const MAX_PAYLOAD = 0xffffff;
/** The largest frame accepted from a client: kubectl sends stdin in frames of 32 KB at most. */
const MAX_INCOMING_PAYLOAD = 1 << 20;

export type Frame =
  | { control: true; type: number; flags: number; payload: Buffer }
  | { control: false; streamId: number; flags: number; payload: Buffer };

/** Cuts a byte stream into frames; bytes of an incomplete frame wait for the next chunk. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    let at = 0;
    while (buf.length - at >= HEADER_BYTES) {
      // The header alone decides whether the frame is acceptable, before its payload has arrived.
      const word = buf.readUInt32BE(at);
      const control = (word & 0x80000000) !== 0;
      const version = (word >>> 16) & 0x7fff;
      if (control && version !== SPDY_VERSION) throw new Error(`SPDY version ${version} is not supported`);
      const length = buf.readUIntBE(at + 5, 3);
      if (length > MAX_INCOMING_PAYLOAD) throw new Error(`SPDY frame of ${length} bytes is too large`);
      if (buf.length - at < HEADER_BYTES + length) break;
      const flags = buf[at + 4];
      const payload = buf.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length);
      frames.push(
        control
          ? { control, type: word & 0xffff, flags, payload }
          : { control, streamId: word, flags, payload },
      );
      at += HEADER_BYTES + length;
    }
    this.pending = Buffer.from(buf.subarray(at));
    return frames;
  }
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  if (payload.length > MAX_PAYLOAD) throw new Error('SPDY control frame too large');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE((0x8000 | SPDY_VERSION) * 0x10000 + type);
  header.writeUInt32BE(flags * 0x1000000 + payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Data frames for `data` on a stream, split to fit the length field; `fin` marks the last. */
export function dataFrames(streamId: number, data: Buffer, fin: boolean): Buffer[] {
  const frames: Buffer[] = [];
  let at = 0;
  do {
    const part = data.subarray(at, at + MAX_PAYLOAD);
    at += part.length;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32BE(streamId & 0x7fffffff);
    header.writeUInt32BE((fin && at >= data.length ? FLAG_FIN : 0) * 0x1000000 + part.length, 4);
    frames.push(header, part);
  } while (at < data.length);
  return frames;
}

/** A stream id field: 31 bits after a reserved bit. */
export const streamIdAt = (payload: Buffer, offset = 0) => payload.readUInt32BE(offset) & 0x7fffffff;

export function streamIdField(id: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(id & 0x7fffffff);
  return b;
}

/** An uncompressed header block: the pair count, then each name and value with a 32-bit length before it. */
export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const int = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const entries = Object.entries(headers);
  parts.push(int(entries.length));
  for (const [name, value] of entries) {
    const n = Buffer.from(name.toLowerCase());
    const v = Buffer.from(value);
    parts.push(int(n.length), n, int(v.length), v);
  }
  return Buffer.concat(parts);
}

/** The names and values of an uncompressed header block (a value with several parts keeps its NUL separators). */
export function decodeHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  let at = 0;
  const read = (): string => {
    if (at + 4 > block.length) throw new Error('SPDY header block ends early');
    const length = block.readUInt32BE(at);
    at += 4;
    if (at + length > block.length) throw new Error('SPDY header block ends early');
    const s = block.toString('utf8', at, at + length);
    at += length;
    return s;
  };
  if (block.length < 4) throw new Error('SPDY header block ends early');
  const count = block.readUInt32BE(0);
  at = 4;
  for (let i = 0; i < count; i++) {
    const name = read();
    headers[name] = read();
  }
  return headers;
}
