// Strategic-merge metadata of a field, looked up by walking the declared schemas from a kind's root: whether a
// list merges (and by which key) or is replaced. Fields the schema does not know merge as plain maps and replace
// as lists, like Kubernetes does for untyped content.
import { SCHEMAS, type TypeRef } from '../openapi/schema/index.js';

export interface PatchMeta {
  /** 'merge' and/or 'retainKeys'; empty means the value is replaced. */
  strategies: readonly string[];
  mergeKey?: string;
  /** Schema type of the field's value, when known. */
  type?: TypeRef;
}

const UNKNOWN: PatchMeta = { strategies: [] };

/** The schema type of a kind's whole object; undefined for kinds without a declared schema. */
export function rootTypeOf(kind: string): TypeRef | undefined {
  const def = SCHEMAS.forKind(kind);
  return def ? { kind: 'ref', name: def.name } : undefined;
}

/** Metadata of field `key` of an object whose type is `parent`. */
export function fieldMeta(parent: TypeRef | undefined, key: string): PatchMeta {
  if (parent?.kind === 'map') return { strategies: [], type: parent.values };
  if (parent?.kind !== 'ref') return UNKNOWN;
  const field = SCHEMAS.definition(parent.name)?.fields[key];
  if (!field) return UNKNOWN;
  return { strategies: field.patchStrategies, mergeKey: field.patchMergeKey, type: field.type };
}

/** The element type of a list type. */
export function itemType(list: TypeRef | undefined): TypeRef | undefined {
  return list?.kind === 'array' ? list.items : undefined;
}
