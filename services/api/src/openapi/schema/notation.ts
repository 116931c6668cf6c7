// The compact notation our API schemas are written in, and its parser: one string per field says the
// field's type, whether it is required, its strategic-merge-patch metadata and a short description.
//
//   '<type>[!] [<patch>] | <description>'
//
//   type   string | integer | int64 | number | boolean | IntOrString | Quantity | Time | MicroTime
//          | object (free-form, any content) | []<type> (list) | {}<type> (map) | <Definition> (short name)
//   !      the field is required
//   patch  merge              list of scalars merged as a set (e.g. finalizers)
//          merge(key)         list of objects merged by the key field (e.g. containers by name)
//          retainKeys         object whose cleared members travel as a $retainKeys directive
//          merge,retainKeys(key)  both (e.g. volumes)

export type Scalar = 'string' | 'integer' | 'int64' | 'number' | 'boolean';
export type Special = 'IntOrString' | 'Quantity' | 'Time' | 'MicroTime' | 'object';

export type TypeRef =
  | { kind: 'scalar'; name: Scalar }
  | { kind: 'special'; name: Special }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  /** A named definition; `name` is the short name until the registry qualifies it. */
  | { kind: 'ref'; name: string };

export interface FieldSchema {
  type: TypeRef;
  description: string;
  required: boolean;
  /** Strategic-merge strategies: 'merge' and/or 'retainKeys'. Empty means replace. */
  patchStrategies: string[];
  patchMergeKey?: string;
}

const SCALARS = new Set<string>(['string', 'integer', 'int64', 'number', 'boolean']);
const SPECIALS = new Set<string>(['IntOrString', 'Quantity', 'Time', 'MicroTime', 'object']);

export function parseType(text: string): TypeRef {
  if (text.startsWith('[]')) return { kind: 'array', items: parseType(text.slice(2)) };
  if (text.startsWith('{}')) return { kind: 'map', values: parseType(text.slice(2)) };
  if (SCALARS.has(text)) return { kind: 'scalar', name: text as Scalar };
  if (SPECIALS.has(text)) return { kind: 'special', name: text as Special };
  if (!/^[A-Z][A-Za-z0-9]*$/.test(text)) throw new Error(`schema notation: bad type "${text}"`);
  return { kind: 'ref', name: text };
}

const PATCH = /^(merge|retainKeys|merge,retainKeys)(?:\(([A-Za-z]+)\))?$/;

export function parseField(spec: string): FieldSchema {
  const bar = spec.indexOf('|');
  if (bar < 0) throw new Error(`schema notation: missing description in "${spec}"`);
  const head = spec.slice(0, bar).trim().split(/\s+/);
  const description = spec.slice(bar + 1).trim();
  let typeText = head[0];
  const required = typeText.endsWith('!');
  if (required) typeText = typeText.slice(0, -1);
  const field: FieldSchema = { type: parseType(typeText), description, required, patchStrategies: [] };
  if (head.length > 2) throw new Error(`schema notation: too many words in "${spec}"`);
  if (head.length === 2) {
    const m = PATCH.exec(head[1]);
    if (!m) throw new Error(`schema notation: bad patch metadata "${head[1]}"`);
    field.patchStrategies = m[1].split(',');
    if (m[2]) field.patchMergeKey = m[2];
  }
  return field;
}
