// Test support only: encodes JSON objects into Kubernetes protobuf bodies from the same message tables the
// decoder reads, the way Go's generated marshalers lay them out (fields in number order, repeated fields
// unpacked unless asked, maps as key/value entries), so tests can build bodies for any served kind.
import type { JsonObject } from './decode.js';
import { PROTOBUF_MAGIC } from './magic.js';
import { MESSAGES } from './registry.js';
import type { FieldSpec, Special, ValueType } from './schema.js';
import { WireType } from './wire.js';

export interface EncodeOptions {
  /** Write repeated numbers packed (proto3 style) instead of one field each (what Kubernetes' Go code writes). */
  packed?: boolean;
}

/** Builds protobuf bytes field by field. */
export class WireWriter {
  private readonly parts: number[] = [];

  tag(field: number, wireType: number): this {
    return this.varint(BigInt(field) * 8n + BigInt(wireType));
  }

  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.parts.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.parts.push(Number(v));
    return this;
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.parts.push(bytes[i]);
    return this;
  }

  lengthDelimited(field: number, bytes: ArrayLike<number>): this {
    return this.tag(field, WireType.LengthDelimited).varint(bytes.length).raw(bytes);
  }

  string(field: number, text: string): this {
    return this.lengthDelimited(field, new TextEncoder().encode(text));
  }

  fixed64(field: number, value: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, value, true);
    return this.tag(field, WireType.Fixed64).raw(b);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** A whole body: magic, then runtime.Unknown{typeMeta, raw} around the object's message. */
export function encodeObject(object: JsonObject, opts: EncodeOptions = {}): Uint8Array {
  const { kind, apiVersion, ...rest } = object as JsonObject & { kind: string; apiVersion: string };
  return envelope(apiVersion, kind, encodeMessage(rest, kind, opts));
}

export function envelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const typeMeta = new WireWriter().string(1, apiVersion).string(2, kind).finish();
  return new WireWriter().raw(PROTOBUF_MAGIC).lengthDelimited(1, typeMeta).lengthDelimited(2, raw).finish();
}

export function encodeMessage(value: JsonObject, message: string, opts: EncodeOptions = {}): Uint8Array {
  const spec = MESSAGES.get(message);
  if (!spec) throw new Error(`no message ${message}`);
  const w = new WireWriter();
  for (const f of [...spec.values()].sort((a, b) => a.number - b.number)) {
    if (f.inline) {
      w.lengthDelimited(f.number, encodeMessage(value, f.name, opts));
      continue;
    }
    const v = value[f.name];
    if (v === undefined || v === null) continue;
    if (f.map) {
      for (const [key, item] of Object.entries(v as JsonObject)) {
        const entry = new WireWriter().string(1, key);
        writeValue(entry, 2, f.value, item, opts);
        w.lengthDelimited(f.number, entry.finish());
      }
    } else if (f.repeated) {
      writeRepeated(w, f, v as unknown[], opts);
    } else {
      writeValue(w, f.number, f.value, v, opts);
    }
  }
  return w.finish();
}

function writeRepeated(w: WireWriter, f: FieldSpec, items: unknown[], opts: EncodeOptions): void {
  const numeric = f.value.kind === 'scalar' && ['i32', 'i64', 'bool'].includes(f.value.scalar);
  if (opts.packed && numeric) {
    const packed = new WireWriter();
    for (const item of items)
      packed.varint(BigInt(item === true ? 1 : item === false ? 0 : (item as number)));
    w.lengthDelimited(f.number, packed.finish());
    return;
  }
  for (const item of items) writeValue(w, f.number, f.value, item, opts);
}

function writeValue(w: WireWriter, field: number, type: ValueType, v: unknown, opts: EncodeOptions): void {
  switch (type.kind) {
    case 'message':
      w.lengthDelimited(field, encodeMessage(v as JsonObject, type.message, opts));
      return;
    case 'special':
      w.lengthDelimited(field, encodeSpecial(type.special, v));
      return;
  }
  switch (type.scalar) {
    case 'string':
      w.string(field, v as string);
      return;
    case 'bytes':
      w.lengthDelimited(field, Buffer.from(v as string, 'base64'));
      return;
    case 'bool':
      w.tag(field, WireType.Varint).varint(v ? 1 : 0);
      return;
    case 'double':
      w.fixed64(field, v as number);
      return;
    default:
      w.tag(field, WireType.Varint).varint(BigInt(v as number));
  }
}

function encodeSpecial(special: Special, v: unknown): Uint8Array {
  const w = new WireWriter();
  switch (special) {
    case 'qty':
      return w.string(1, v as string).finish();
    case 'ios':
      return typeof v === 'string'
        ? w.tag(1, WireType.Varint).varint(1).string(3, v).finish()
        : w
            .tag(1, WireType.Varint)
            .varint(0)
            .tag(2, WireType.Varint)
            .varint(v as number)
            .finish();
    case 'time':
    case 'utime': {
      const text = v as string;
      const seconds = Math.floor(Date.parse(text) / 1000);
      const fraction = /\.(\d+)Z$/.exec(text)?.[1] ?? '';
      const nanos = Number(fraction.padEnd(9, '0'));
      w.tag(1, WireType.Varint).varint(seconds);
      if (nanos) w.tag(2, WireType.Varint).varint(nanos);
      return w.finish();
    }
    case 'raw':
      return w
        .lengthDelimited(1, v instanceof Uint8Array ? v : new TextEncoder().encode(JSON.stringify(v)))
        .finish();
  }
}
