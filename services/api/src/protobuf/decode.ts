// Decodes one protobuf message into the JSON the API server would produce for the same Go object, driven by the
// message tables: zero scalars omitted (Go writes every non-pointer field, JSON's omitempty drops them) unless
// the table keeps them, present messages as objects (`resources: {}`), maps as objects, repeated fields as
// arrays, IntOrString as a number or a string, quantities as strings and times as RFC 3339.
import { hasProtobufMagic } from './magic.js';
import type { FieldSpec, MessageSpec, Scalar, Special, ValueType } from './schema.js';
import { ProtobufError, WireReader, WireType } from './wire.js';

export type JsonObject = Record<string, unknown>;

export interface DecodeContext {
  messages: ReadonlyMap<string, MessageSpec>;
  /** Decodes RawExtension bytes that are themselves a Kubernetes protobuf envelope. */
  embedded(bytes: Uint8Array, depth: number): unknown;
}

/** Far deeper than any table nests; only envelopes embedded in RawExtensions could go further. */
export const MAX_MESSAGE_DEPTH = 64;

const MIN_SECONDS = -62135596800n; // 0001-01-01T00:00:00Z
const MAX_SECONDS = 253402300799n; // 9999-12-31T23:59:59Z

export function decodeMessage(
  ctx: DecodeContext,
  bytes: Uint8Array,
  message: string,
  depth: number,
): JsonObject {
  const target: JsonObject = {};
  decodeInto(ctx, target, bytes, message, depth);
  return target;
}

/** Decodes into an existing object: a repeated occurrence of a message field merges, as proto decoders do. */
function decodeInto(
  ctx: DecodeContext,
  target: JsonObject,
  bytes: Uint8Array,
  message: string,
  depth: number,
) {
  if (depth > MAX_MESSAGE_DEPTH) throw new ProtobufError('proto: message nested too deeply');
  const spec = ctx.messages.get(message);
  if (!spec) throw new Error(`no message table for ${message}`);
  const r = new WireReader(bytes);
  while (!r.done) {
    const { field, wireType } = r.tag();
    const f = spec.get(field);
    if (f) readField(ctx, r, wireType, f, target, message, depth);
    else r.skip(wireType);
  }
}

function readField(
  ctx: DecodeContext,
  r: WireReader,
  wireType: number,
  f: FieldSpec,
  target: JsonObject,
  message: string,
  depth: number,
): void {
  const { value } = f;
  if (
    f.repeated &&
    value.kind === 'scalar' &&
    wireType === WireType.LengthDelimited &&
    isPacked(value.scalar)
  ) {
    const packed = new WireReader(r.lengthDelimited());
    const list = arrayAt(target, f.name);
    while (!packed.done) list.push(readScalar(packed, value.scalar));
    return;
  }
  const expected = f.map || f.inline ? WireType.LengthDelimited : wireTypeOf(value);
  if (wireType !== expected) {
    throw new ProtobufError(`proto: ${message}: wrong wireType = ${wireType} for field ${f.name}`);
  }
  if (f.inline) {
    decodeInto(ctx, target, r.lengthDelimited(), messageOf(value), depth + 1);
  } else if (f.map) {
    const [key, entry] = readMapEntry(ctx, r.lengthDelimited(), f, depth);
    // Defined rather than assigned, so a key such as "__proto__" stays an ordinary key, as JSON.parse keeps it.
    Object.defineProperty(objectAt(target, f.name), key, {
      value: entry,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (value.kind === 'message') {
    const bytes = r.lengthDelimited();
    if (f.repeated) arrayAt(target, f.name).push(decodeMessage(ctx, bytes, value.message, depth + 1));
    else decodeInto(ctx, objectAt(target, f.name), bytes, value.message, depth + 1);
  } else {
    const v =
      value.kind === 'scalar'
        ? readScalar(r, value.scalar)
        : readSpecial(ctx, r.lengthDelimited(), value.special, depth);
    if (f.repeated) arrayAt(target, f.name).push(v ?? zeroOf(value));
    else if (v === undefined || (isZero(v) && !f.keepZero)) delete target[f.name];
    else target[f.name] = v;
  }
}

function readMapEntry(ctx: DecodeContext, bytes: Uint8Array, f: FieldSpec, depth: number): [string, unknown] {
  const r = new WireReader(bytes);
  let key = '';
  let value: unknown;
  while (!r.done) {
    const { field, wireType } = r.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) key = r.string();
    else if (field === 2 && wireType === wireTypeOf(f.value)) value = readMapValue(ctx, r, f.value, depth);
    else if (field === 1 || field === 2)
      throw new ProtobufError(`proto: ${f.name}: wrong wireType = ${wireType} for map entry field ${field}`);
    else r.skip(wireType);
  }
  return [key, value ?? zeroOf(f.value)];
}

function readMapValue(ctx: DecodeContext, r: WireReader, value: ValueType, depth: number): unknown {
  switch (value.kind) {
    case 'scalar':
      return readScalar(r, value.scalar);
    case 'special':
      return readSpecial(ctx, r.lengthDelimited(), value.special, depth);
    case 'message':
      return decodeMessage(ctx, r.lengthDelimited(), value.message, depth + 1);
  }
}

function readScalar(r: WireReader, scalar: Scalar): unknown {
  switch (scalar) {
    case 'string':
      return r.string();
    case 'bytes':
      return Buffer.from(r.lengthDelimited()).toString('base64');
    case 'i32':
      return r.int32();
    case 'i64':
      return r.int64();
    case 'bool':
      return r.bool();
    case 'double':
      return r.fixed64().getFloat64(0, true);
  }
}

/** The JSON of apimachinery's special types; undefined where Go's JSON would write null. */
function readSpecial(ctx: DecodeContext, bytes: Uint8Array, special: Special, depth: number): unknown {
  switch (special) {
    case 'qty':
      return quantity(bytes);
    case 'ios':
      return intOrString(bytes);
    case 'time':
      return bytes.length === 0 ? undefined : timestamp(bytes, false);
    case 'utime':
      return bytes.length === 0 ? undefined : timestamp(bytes, true);
    case 'raw':
      return rawExtension(ctx, bytes, depth);
  }
}

/** Visits the fields of a small fixed message (Quantity, IntOrString, Timestamp, RawExtension). */
function eachField(
  bytes: Uint8Array,
  visit: (field: number, wireType: number, r: WireReader) => boolean,
): void {
  const r = new WireReader(bytes);
  while (!r.done) {
    const { field, wireType } = r.tag();
    if (!visit(field, wireType, r)) r.skip(wireType);
  }
}

function quantity(bytes: Uint8Array): string {
  let text = '';
  eachField(bytes, (field, wireType, r) => {
    if (field !== 1 || wireType !== WireType.LengthDelimited) return false;
    text = r.string();
    return true;
  });
  return text || '0';
}

function intOrString(bytes: Uint8Array): number | string {
  let type = 0n;
  let intVal = 0;
  let strVal = '';
  eachField(bytes, (field, wireType, r) => {
    if (field === 1 && wireType === WireType.Varint) type = BigInt.asIntN(64, r.varint());
    else if (field === 2 && wireType === WireType.Varint) intVal = r.int32();
    else if (field === 3 && wireType === WireType.LengthDelimited) strVal = r.string();
    else return false;
    return true;
  });
  return type === 1n ? strVal : intVal;
}

/** metav1.Time as RFC 3339 in seconds; metav1.MicroTime with six fractional digits. */
function timestamp(bytes: Uint8Array, micro: boolean): string {
  let seconds = 0n;
  let nanos = 0n;
  eachField(bytes, (field, wireType, r) => {
    if (field === 1 && wireType === WireType.Varint) seconds = BigInt.asIntN(64, r.varint());
    else if (field === 2 && wireType === WireType.Varint) nanos = BigInt.asIntN(32, r.varint());
    else return false;
    return true;
  });
  // Normalise nanos outside [0, 1e9) into seconds, as Go's time.Unix does.
  const carry = nanos >= 0n ? nanos / 1_000_000_000n : (nanos - 999_999_999n) / 1_000_000_000n;
  seconds += carry;
  nanos -= carry * 1_000_000_000n;
  if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new ProtobufError(`timestamp out of range: ${seconds} seconds`);
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return micro ? `${whole}.${String(nanos / 1000n).padStart(6, '0')}Z` : `${whole}Z`;
}

/** RawExtension and FieldsV1 carry embedded JSON, or for RawExtension another protobuf envelope. */
function rawExtension(ctx: DecodeContext, bytes: Uint8Array, depth: number): unknown {
  let raw: Uint8Array | undefined;
  eachField(bytes, (field, wireType, r) => {
    if (field !== 1 || wireType !== WireType.LengthDelimited) return false;
    raw = r.lengthDelimited();
    return true;
  });
  if (!raw || raw.length === 0) return undefined;
  if (hasProtobufMagic(raw)) return ctx.embedded(raw, depth + 1);
  try {
    return JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('utf8'));
  } catch (err) {
    throw new ProtobufError(`raw extension is neither JSON nor a protobuf object: ${(err as Error).message}`);
  }
}

function wireTypeOf(value: ValueType): number {
  if (value.kind !== 'scalar') return WireType.LengthDelimited;
  switch (value.scalar) {
    case 'i32':
    case 'i64':
    case 'bool':
      return WireType.Varint;
    case 'double':
      return WireType.Fixed64;
    default:
      return WireType.LengthDelimited;
  }
}

function isPacked(scalar: Scalar): boolean {
  return scalar !== 'string' && scalar !== 'bytes';
}

function zeroOf(value: ValueType): unknown {
  if (value.kind === 'message') return {};
  if (value.kind === 'special') return value.special === 'qty' ? '0' : value.special === 'ios' ? 0 : null;
  switch (value.scalar) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    default:
      return 0;
  }
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function messageOf(value: ValueType): string {
  if (value.kind !== 'message') throw new Error('inline fields are messages');
  return value.message;
}

function objectAt(target: JsonObject, name: string): JsonObject {
  const existing = target[name];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing))
    return existing as JsonObject;
  const created: JsonObject = {};
  target[name] = created;
  return created;
}

function arrayAt(target: JsonObject, name: string): unknown[] {
  const existing = target[name];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  target[name] = created;
  return created;
}
