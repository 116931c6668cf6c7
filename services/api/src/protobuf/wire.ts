// Reads the protobuf wire format (varints, 64-bit, length-delimited and 32-bit values) from bytes. Malformed
// input becomes a ProtobufError carrying the words Go's generated decoders use, which callers turn into a 400.

export class ProtobufError extends Error {}

export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;

export interface Tag {
  field: number;
  wireType: number;
}

const UNEXPECTED_EOF = 'unexpected EOF';
/** Names, images and label values are short ASCII; building those directly beats a UTF-8 decoder call. */
const SHORT_STRING = 64;

export class WireReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** An unsigned varint of up to 64 bits. */
  varint(): bigint {
    const v = this.rawVarint();
    return typeof v === 'number' ? BigInt(v) : v;
  }

  /** An int32 field: the low 32 bits of the varint, signed (negative values take ten bytes on the wire). */
  int32(): number {
    const v = this.rawVarint();
    return typeof v === 'number' ? v : Number(BigInt.asIntN(32, v));
  }

  /** An int64 field, as a number (like JSON.parse, exact up to 2^53). */
  int64(): number {
    const v = this.rawVarint();
    return typeof v === 'number' ? v : Number(BigInt.asIntN(64, v));
  }

  bool(): boolean {
    const v = this.rawVarint();
    return v !== 0 && v !== 0n;
  }

  /** A tag: field number and wire type. */
  tag(): Tag {
    const key = this.rawVarint();
    const field = typeof key === 'number' ? key >>> 3 : Number(BigInt.asIntN(32, key >> 3n));
    const wireType = typeof key === 'number' ? key & 7 : Number(key & 7n);
    if (wireType === WireType.EndGroup) throw new ProtobufError('proto: wiretype end group for non-group');
    if (field <= 0) throw new ProtobufError(`proto: illegal tag ${field} (wire type ${wireType})`);
    return { field, wireType };
  }

  /** The little-endian 8 bytes of a fixed64 or double field. */
  fixed64(): DataView {
    return this.view(8);
  }

  /** The little-endian 4 bytes of a fixed32 or float field. */
  fixed32(): DataView {
    return this.view(4);
  }

  /** The payload of a length-delimited field, without copying. */
  lengthDelimited(): Uint8Array {
    const length = this.rawVarint();
    if (typeof length === 'bigint' && BigInt.asIntN(64, length) < 0n)
      throw new ProtobufError('proto: negative length found during unmarshaling');
    if (length > this.end - this.pos) throw new ProtobufError(UNEXPECTED_EOF);
    const start = this.pos;
    this.pos += Number(length);
    return this.buf.subarray(start, this.pos);
  }

  /** A length-delimited field as UTF-8 text (invalid sequences become U+FFFD, as Go's JSON encoder writes them). */
  string(): string {
    const bytes = this.lengthDelimited();
    if (bytes.length <= SHORT_STRING) {
      let ascii = '';
      for (const b of bytes) {
        if (b >= 0x80) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
        ascii += String.fromCharCode(b);
      }
      return ascii;
    }
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  }

  /** Skips a field this reader has no use for, as proto decoders skip unknown fields. */
  skip(wireType: number): void {
    let groups = 0;
    let type = wireType;
    for (;;) {
      switch (type) {
        case WireType.Varint:
          this.varint();
          break;
        case WireType.Fixed64:
          this.view(8);
          break;
        case WireType.LengthDelimited:
          this.lengthDelimited();
          break;
        case WireType.Fixed32:
          this.view(4);
          break;
        case WireType.StartGroup:
          groups++;
          break;
        case WireType.EndGroup:
          if (groups === 0) throw new ProtobufError('proto: unexpected end group');
          groups--;
          break;
        default:
          throw new ProtobufError(`proto: illegal wireType ${type}`);
      }
      if (groups === 0) return;
      const key = this.rawVarint();
      type = typeof key === 'number' ? key & 7 : Number(key & 7n);
    }
  }

  /** A varint as a number when it fits in 28 bits (tags, lengths, most values), else as a bigint. */
  private rawVarint(): number | bigint {
    let small = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = this.byte();
      small |= (b & 0x7f) << shift;
      if (b < 0x80) return small;
    }
    let value = BigInt(small);
    for (let shift = 28n; shift < 64n; shift += 7n) {
      const b = this.byte();
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, value);
    }
    throw new ProtobufError('proto: integer overflow');
  }

  private byte(): number {
    if (this.pos >= this.end) throw new ProtobufError(UNEXPECTED_EOF);
    return this.buf[this.pos++];
  }

  private view(size: number): DataView {
    if (this.end - this.pos < size) throw new ProtobufError(UNEXPECTED_EOF);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, size);
    this.pos += size;
    return v;
  }
}
