// The compact notation the message tables are written in, and its compiled form: per message, field number →
// JSON name and type. One field is written `<number> <jsonName>[:<type>][*][!]` or `<number> ...<Message>`:
//   type      string when omitted; i32, i64, bool, bytes, double; qty (resource.Quantity), ios (IntOrString),
//             time (metav1.Time), utime (metav1.MicroTime), raw (RawExtension or FieldsV1: embedded JSON);
//             a message name; `{}` for map<string,string>, `{T}` for map<string,T>
//   *         repeated
//   !         keep the zero value: a pointer in Go (present on the wire only when set), or a field whose zero
//             means something (exitCode 0); other zero scalars are dropped, as Kubernetes' JSON omits them
//   ...M      an embedded Go struct: M's fields are written into this object (JSON `,inline`)

export type Scalar = 'string' | 'i32' | 'i64' | 'bool' | 'bytes' | 'double';
export type Special = 'qty' | 'ios' | 'time' | 'utime' | 'raw';

export type ValueType =
  | { kind: 'scalar'; scalar: Scalar }
  | { kind: 'special'; special: Special }
  | { kind: 'message'; message: string };

export interface FieldSpec {
  number: number;
  /** The JSON name; for an inline field, the embedded message's name. */
  name: string;
  value: ValueType;
  repeated: boolean;
  /** map<string, value>. */
  map: boolean;
  keepZero: boolean;
  inline: boolean;
}

export type MessageSpec = ReadonlyMap<number, FieldSpec>;

/** Messages in the compact notation, by name. */
export type MessageTable = Readonly<Record<string, string>>;

const SCALARS: readonly string[] = ['string', 'i32', 'i64', 'bool', 'bytes', 'double'];
const SPECIALS: readonly string[] = ['qty', 'ios', 'time', 'utime', 'raw'];
const FIELD = /^(\d+) (?:\.\.\.([A-Z]\w*)|(\w+)(?::(\{\w*\}|\w+))?(\*)?(!)?)$/;

function valueType(word: string, where: string): ValueType {
  if (SCALARS.includes(word)) return { kind: 'scalar', scalar: word as Scalar };
  if (SPECIALS.includes(word)) return { kind: 'special', special: word as Special };
  if (/^[A-Z]/.test(word)) return { kind: 'message', message: word };
  throw new Error(`${where}: unknown type ${word}`);
}

function compileField(text: string, where: string): FieldSpec {
  const m = FIELD.exec(text.trim());
  if (!m) throw new Error(`${where}: cannot read field "${text}"`);
  const [, num, inlineMessage, name, type = 'string', repeated, keep] = m;
  const number = Number(num);
  if (inlineMessage) {
    return {
      number,
      name: inlineMessage,
      value: { kind: 'message', message: inlineMessage },
      repeated: false,
      map: false,
      keepZero: false,
      inline: true,
    };
  }
  const map = type.startsWith('{');
  const inner = map ? type.slice(1, -1) || 'string' : type;
  return {
    number,
    name,
    value: valueType(inner, `${where}.${name}`),
    repeated: Boolean(repeated),
    map,
    keepZero: Boolean(keep),
    inline: false,
  };
}

/** Compiles tables into message specs, checking that field numbers are unique and every message named exists. */
export function compileMessages(...tables: MessageTable[]): ReadonlyMap<string, MessageSpec> {
  const out = new Map<string, MessageSpec>();
  for (const table of tables) {
    for (const [message, text] of Object.entries(table)) {
      if (out.has(message)) throw new Error(`message ${message} is defined twice`);
      const fields = new Map<number, FieldSpec>();
      for (const part of text.split(',')) {
        const field = compileField(part, message);
        if (fields.has(field.number)) throw new Error(`${message}: field ${field.number} is defined twice`);
        fields.set(field.number, field);
      }
      out.set(message, fields);
    }
  }
  for (const [message, fields] of out) {
    for (const f of fields.values()) {
      if (f.value.kind === 'message' && !out.has(f.value.message)) {
        throw new Error(`${message}.${f.name}: no message ${f.value.message}`);
      }
    }
  }
  return out;
}
