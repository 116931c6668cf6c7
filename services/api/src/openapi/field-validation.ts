// Server-side field validation (the fieldValidation query parameter): unknown fields are found by walking an
// object along its kind's declared schema. Maps (labels, annotations, nodeSelector, data, ...) and free-form
// fields accept any key; kinds without a declared schema have no unknown fields.
import { isRecord, kindInfo, type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { SCHEMAS, type TypeRef } from './schema/index.js';

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** Visits every field of `value` its schema does not declare: `onUnknown(parent, key, path)`. */
function walk(
  value: unknown,
  type: TypeRef,
  path: string,
  onUnknown: (parent: Record<string, unknown>, key: string, path: string) => void,
): void {
  switch (type.kind) {
    case 'ref': {
      const def = SCHEMAS.definition(type.name);
      if (!def || !isRecord(value)) return;
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const field = def.fields[key];
        if (field) walk(child, field.type, childPath, onUnknown);
        else onUnknown(value, key, childPath);
      }
      return;
    }
    case 'array':
      if (Array.isArray(value))
        for (const [i, v] of value.entries()) walk(v, type.items, `${path}[${i}]`, onUnknown);
      return;
    case 'map':
      if (isRecord(value))
        for (const [key, v] of Object.entries(value)) walk(v, type.values, `${path}.${key}`, onUnknown);
      return;
    default:
      return;
  }
}

function walkKind(kind: string, obj: unknown, onUnknown: Parameters<typeof walk>[3]): void {
  const def = SCHEMAS.forKind(kind);
  if (def) walk(obj, { kind: 'ref', name: def.name }, '', onUnknown);
}

/** Paths of the fields of `obj` its kind's schema does not know, e.g. `spec.template.spec.containers[0].imagee`. */
export function findUnknownFields(kind: string, obj: unknown): string[] {
  const found: string[] = [];
  walkKind(kind, obj, (_parent, _key, path) => found.push(path));
  return found;
}

/** Drops the fields the schema does not know, in place: the API server never stores them. */
export function pruneUnknownFields(kind: string, obj: unknown): void {
  walkKind(kind, obj, (parent, key) => {
    delete parent[key];
  });
}

/** The Warning texts for unknown fields: `unknown field "spec.bogus"`. */
export function unknownFieldWarnings(fields: readonly string[]): string[] {
  return fields.map((f) => `unknown field "${f}"`);
}

/**
 * Applies a fieldValidation directive to a decoded body. Strict with unknown fields is a 400 worded like the
 * API server's (`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown
 * field "spec.bogus"`); Warn returns the warnings to send; Ignore (and a clean body) returns none.
 */
export function validateFields(
  kind: string,
  obj: unknown,
  directive: FieldValidation,
): E.Either<Status, string[]> {
  if (directive === 'Ignore') return E.right([]);
  const warnings = unknownFieldWarnings(findUnknownFields(kind, obj));
  if (directive === 'Warn' || warnings.length === 0) return E.right(warnings);
  const version = kindInfo(kind)?.version ?? 'v1';
  return E.left(
    statusErrors.badRequest(
      `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${warnings.join(', ')}`,
    ),
  );
}
