// The encoding of an informer snapshot, made for a fast restart: decoding 100k pods must take well under a second.
//
// Two things make it small and quick to read back. First, cached objects share their common parts (the pods of
// one ReplicaSet hold one instance of their containers, tolerations, labels...), and the snapshot keeps that
// sharing: a part held by more than one object is written once, in a table, and referred to by its index.
// Second, objects of one shape (the same fields, nested the same way) are written as rows of their varying
// values only: the field names, and the values every object of the shape has in common, are written once with
// the shape. Reading a shape compiles it into a function that builds its objects from a row with one object
// literal, which V8 creates much faster than JSON.parse builds objects key by key.
//
// Chunk 0 is the header: the table of shared parts, each defined before any part that refers to it, and the
// shapes. Every further chunk is a JSON array of objects, each either a row ([shape, ...values]) or, for an
// object whose shape is rare, the object itself in JSON where a string holding REF and a base-36 table index
// refers to a shared part (a real string starting with REF gets a second REF in front).

const REF = '\u0001';
const REF_CODE = 1;
/** Objects per chunk: each chunk is one Redis list element, a few hundred KB. */
export const OBJECTS_PER_CHUNK = 2000;
/** A shape is compiled only when this many objects have it; rarer ones are written as plain JSON. */
const MIN_SHAPE_USES = 8;
const FORMAT = 2;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Primitive = null | boolean | number | string;

/** A shape: a leaf is VALUE (a primitive) or SHARED (a table part); objects list their fields in order. */
type ShapeNode = typeof VALUE | typeof SHARED | { o: [string, ShapeNode][] } | { a: ShapeNode[] };
const VALUE = 0;
const SHARED = 1;

interface ShapeHeader {
  tree: ShapeNode;
  /** Slots whose value every object of the shape has: [slot, value or table index]. */
  constants: [number, Primitive][];
  /** Slots whose value is, in every object of the shape, that of an earlier varying slot: [slot, earlier]. */
  aliases: [number, number][];
}

interface Header {
  format: number;
  table: Json[];
  shapes: ShapeHeader[];
}

/** Objects encoded between two calls of an encoder's `pause`. */
const OBJECTS_PER_PAUSE = 2000;

/**
 * Encodes objects (frozen and shared, as an informer caches them) into chunks for decodeSnapshot. Calls `pause`
 * every few thousand objects so a caller can let other work run meanwhile: the objects must not change until
 * it resolves, which holds for an informer's cache, whose objects are replaced, never modified.
 */
export async function encodeSnapshot(
  objects: readonly object[],
  pause: () => Promise<void> = async () => {},
): Promise<string[]> {
  const parts = new SharedParts();
  // Each object's shape (as a signature) and the values of its slots.
  const byShape = new Map<string, Primitive[][]>();
  const shapeOf: string[] = [];
  const slotsOf: Primitive[][] = [];
  const lastOfGroup = new Map<string, object>();
  for (let i = 0; i < objects.length; i++) {
    if (i % OBJECTS_PER_PAUSE === OBJECTS_PER_PAUSE - 1) await pause();
    const o = objects[i];
    const group = groupOf(o);
    const reference = lastOfGroup.get(group);
    lastOfGroup.set(group, o);
    const slots: Primitive[] = [];
    const signature = parts.signatureOf(o, reference, o, slots);
    shapeOf.push(signature);
    slotsOf.push(slots);
    const rows = byShape.get(signature);
    if (rows) rows.push(slots);
    else byShape.set(signature, [slots]);
  }
  const shapes: ShapeHeader[] = [];
  const compiled = new Map<string, { id: number; varying: number[] }>();
  for (const [signature, rows] of byShape) {
    if (rows.length < MIN_SHAPE_USES) continue;
    const { constants, aliases, varying } = splitSlots(rows);
    compiled.set(signature, { id: shapes.length, varying });
    shapes.push({ tree: treeOf(signature), constants, aliases });
  }
  const chunks: string[] = [];
  for (let from = 0; from < objects.length; from += OBJECTS_PER_CHUNK) {
    await pause();
    const chunk: Json[] = [];
    for (let i = from; i < Math.min(from + OBJECTS_PER_CHUNK, objects.length); i++) {
      const shape = compiled.get(shapeOf[i]);
      if (!shape) {
        chunk.push(parts.plainJson(objects[i], objects[i]));
        continue;
      }
      const row: Primitive[] = [shape.id];
      for (const slot of shape.varying) row.push(slotsOf[i][slot]);
      chunk.push(row);
    }
    chunks.push(JSON.stringify(chunk));
  }
  // The header goes last into the table: plain objects may have added parts to it.
  const header: Header = { format: FORMAT, table: parts.table, shapes };
  return [JSON.stringify(header), ...chunks];
}

/** Objects that may share parts: those of one kind and controller, as the informer's structural sharing has it. */
function groupOf(o: object): string {
  const { kind, metadata } = o as { kind?: string; metadata?: { ownerReferences?: unknown } };
  const owners = metadata?.ownerReferences;
  const controller = Array.isArray(owners)
    ? (owners as { controller?: boolean; uid?: string }[]).find((r) => r?.controller)
    : undefined;
  return `${kind}/${controller?.uid ?? ''}`;
}

/**
 * The table of shared parts. The informer shares a part of an object with the same part, at the same place, of
 * another object of its group; so a part is found shared when it is the very instance the previous object of the
 * group holds there, without an identity map of every part of every object (which would cost more than all the
 * rest of the encoding). A part is added with its own shared parts already in the table.
 */
class SharedParts {
  readonly table: Json[] = [];
  private readonly ids = new Map<object, number>();

  /** A string naming `v`'s shape (V a leaf, S a shared part, field names length-prefixed so that no name can
   *  pass for structure); pushes its slot values in order. `reference` is what the previous object of the
   *  group holds at the same place. */
  signatureOf(v: unknown, reference: unknown, self: object, slots: Primitive[]): string {
    if (v === null || typeof v !== 'object') {
      slots.push(v as Primitive);
      return 'V';
    }
    if (v !== self) {
      const id = this.ids.get(v) ?? (v === reference ? this.add(v) : undefined);
      if (id !== undefined) {
        slots.push(id);
        return 'S';
      }
    }
    const ref =
      reference !== null && typeof reference === 'object' ? (reference as Record<string, unknown>) : {};
    if (Array.isArray(v)) {
      let s = '[';
      for (let i = 0; i < v.length; i++) s += this.signatureOf(v[i], ref[i], self, slots);
      return `${s}]`;
    }
    // Object.keys and Object.values read the fields much faster than keyed reads in a for-in loop.
    const keys = Object.keys(v);
    const values = Object.values(v);
    let s = '{';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      s += `${k.length}:${k}${this.signatureOf(values[i], ref[k], self, slots)}`;
    }
    return `${s}}`;
  }

  /** `v` as JSON, with the shared parts (other than `self`, the part being defined) as references. */
  plainJson(v: unknown, self: object): Json {
    if (typeof v === 'string') return v.charCodeAt(0) === REF_CODE ? REF + v : v;
    if (v === null || typeof v !== 'object') return v as Json;
    if (v !== self) {
      const id = this.ids.get(v);
      if (id !== undefined) return REF + id.toString(36);
    }
    if (Array.isArray(v)) return v.map((item) => this.plainJson(item, self));
    // No prototype: a key named __proto__ (a ConfigMap may have one) is then a plain property.
    const out: Record<string, Json> = Object.create(null);
    for (const k in v) out[k] = this.plainJson((v as Record<string, unknown>)[k], self);
    return out;
  }

  private add(part: object): number {
    this.table.push(this.plainJson(part, part));
    this.ids.set(part, this.table.length - 1);
    return this.table.length - 1;
  }
}

/** Strings shorter than this are not worth an alias. */
const MIN_ALIASED_LENGTH = 8;

/**
 * Splits a shape's slots: those every row has the same value in (constants, with that value), those that
 * always repeat an earlier varying slot (aliases: a pod's timestamps and IPs come several times), and the
 * slots that remain, written in each row.
 */
function splitSlots(rows: Primitive[][]): {
  constants: [number, Primitive][];
  aliases: [number, number][];
  varying: number[];
} {
  const first = rows[0];
  const same = first.map(() => true);
  for (const row of rows) {
    for (let slot = 0; slot < first.length; slot++)
      if (same[slot] && row[slot] !== first[slot]) same[slot] = false;
  }
  const constants: [number, Primitive][] = [];
  const aliases: [number, number][] = [];
  const varying: number[] = [];
  same.forEach((isSame, slot) => {
    if (isSame) {
      constants.push([slot, first[slot]]);
      return;
    }
    const v = first[slot];
    const earlier =
      typeof v === 'string' && v.length >= MIN_ALIASED_LENGTH
        ? varying.find((e) => first[e] === v && rows.every((row) => row[e] === row[slot]))
        : undefined;
    if (earlier === undefined) varying.push(slot);
    else aliases.push([slot, earlier]);
  });
  return { constants, aliases, varying };
}

/** The objects encoded by encodeSnapshot, deeply frozen, sharing what the encoded objects shared. */
export function* decodeSnapshot<T>(chunks: readonly string[]): Generator<T[]> {
  if (chunks.length === 0) throw new Error('an informer snapshot has at least its header chunk');
  const header = JSON.parse(chunks[0]) as Header;
  if (header?.format !== FORMAT || !Array.isArray(header.table) || !Array.isArray(header.shapes)) {
    throw new Error('the snapshot header is not in this version of the format');
  }
  const table = header.table as unknown[];
  for (let i = 0; i < table.length; i++) table[i] = resolve(table[i], table, i);
  const builders = header.shapes.map((shape) => compile(shape, table));
  for (let c = 1; c < chunks.length; c++) {
    const objects = JSON.parse(chunks[c]) as unknown[];
    if (!Array.isArray(objects)) throw new Error(`snapshot chunk ${c} is not an array`);
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      if (!Array.isArray(o)) {
        objects[i] = resolve(o, table, table.length);
        continue;
      }
      const build = builders[o[0] as number];
      if (!build) throw new Error(`snapshot chunk ${c} uses undefined shape ${JSON.stringify(o[0])}`);
      objects[i] = build(o);
    }
    yield objects as T[];
  }
}

/** The tree of a shape, read back from its signature. */
function treeOf(signature: string): ShapeNode {
  let at = 0;
  const node = (): ShapeNode => {
    const c = signature[at++];
    if (c === 'V') return VALUE;
    if (c === 'S') return SHARED;
    if (c === '[') {
      const items: ShapeNode[] = [];
      while (signature[at] !== ']') items.push(node());
      at++;
      return { a: items };
    }
    const fields: [string, ShapeNode][] = [];
    while (signature[at] !== '}') {
      const colon = signature.indexOf(':', at);
      const length = Number(signature.slice(at, colon));
      const key = signature.slice(colon + 1, colon + 1 + length);
      at = colon + 1 + length;
      fields.push([key, node()]);
    }
    at++;
    return { o: fields };
  };
  return node();
}

type Builder = (row: unknown[]) => unknown;

/**
 * A function building a shape's objects, frozen, from its rows. The source is generated from the tree, whose
 * field names go in as JSON string literals and constants as JSON literals, so no stored text becomes code.
 */
function compile(shape: ShapeHeader, table: readonly unknown[]): Builder {
  if (!Array.isArray(shape.constants) || !Array.isArray(shape.aliases))
    throw new Error('snapshot shape without constants and aliases');
  const constants = new Map(shape.constants);
  const aliases = new Map(shape.aliases);
  /** The row expression each varying slot was given. */
  const columnOf = new Map<number, string>();
  let slot = 0;
  let column = 1; // row[0] is the shape
  const leaf = (shared: boolean): string => {
    const s = slot++;
    const alias = aliases.get(s);
    if (alias !== undefined) {
      const r = columnOf.get(alias);
      if (r === undefined)
        throw new Error(`snapshot shape slot ${s} repeats ${alias}, not an earlier row value`);
      return shared ? `t[${r}]` : r;
    }
    if (constants.has(s)) {
      const c = constants.get(s);
      if (!shared) return literal(c);
      if (!Number.isInteger(c) || (c as number) < 0 || (c as number) >= table.length)
        throw new Error(`snapshot shape refers to undefined part ${JSON.stringify(c)}`);
      return `t[${c}]`;
    }
    const r = `r[${column++}]`;
    columnOf.set(s, r);
    return shared ? `t[${r}]` : r;
  };
  const source = (n: ShapeNode): string => {
    if (n === VALUE || n === SHARED) return leaf(n === SHARED);
    if (n !== null && typeof n === 'object' && Array.isArray((n as { a?: unknown }).a))
      return `F([${(n as { a: ShapeNode[] }).a.map(source).join(',')}])`;
    if (n !== null && typeof n === 'object' && Array.isArray((n as { o?: unknown }).o)) {
      const fields = (n as { o: [string, ShapeNode][] }).o.map(([k, c]) => {
        if (typeof k !== 'string') throw new Error('snapshot shape has a field name that is not a string');
        // A literal's "__proto__": sets the prototype; a computed key defines the field.
        return `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}:${source(c)}`;
      });
      return `F({${fields.join(',')}})`;
    }
    throw new Error(`snapshot shape node ${JSON.stringify(n)} is not one`);
  };
  const body = source(shape.tree);
  const columns = column;
  const build = new Function('F', 't', `return (r) => ${body};`)(Object.freeze, table) as Builder;
  return (row) => {
    if (row.length !== columns)
      throw new Error(`snapshot row has ${row.length} values, its shape ${columns}`);
    return build(row);
  };
}

function literal(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isFinite(v)) return JSON.stringify(v);
  throw new Error(`snapshot shape constant ${JSON.stringify(v)} is not a JSON primitive`);
}

/** Replaces references in a parsed value (in place) and freezes it; `defined` is how many table parts exist. */
function resolve(v: unknown, table: readonly unknown[], defined: number): unknown {
  if (typeof v === 'string') {
    if (v.charCodeAt(0) !== REF_CODE) return v;
    if (v.charCodeAt(1) === REF_CODE) return v.slice(1);
    const id = Number.parseInt(v.slice(1), 36);
    if (!(id >= 0 && id < defined)) throw new Error(`snapshot reference ${JSON.stringify(v)} is undefined`);
    return table[id];
  }
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const c = o[k];
    if (typeof c === 'string' ? c.charCodeAt(0) === REF_CODE : c !== null && typeof c === 'object')
      o[k] = resolve(c, table, defined);
  }
  return Object.freeze(v);
}
