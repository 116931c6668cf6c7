// Renders declared definitions as OpenAPI v3 component schemas in the API server's style: references wrapped in
// allOf, Kubernetes extensions for group-version-kind and strategic-merge metadata, well-known scalar types.
import type { Definition, FieldSchema, TypeRef } from './schema/index.js';

export type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/** Schemas of the special scalar types the declarations name, keyed by OpenAPI name. */
export const WELL_KNOWN_SCHEMAS: Record<string, JsonSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    description: 'An int32 or a string; a string may be a percentage such as "25%".',
    type: 'string',
    format: 'int-or-string',
    'x-kubernetes-int-or-string': true,
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    description: 'A fixed-point amount with an optional suffix: 100m (CPU), 128Mi or 1Gi (bytes), 2 (plain).',
    type: 'string',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': {
    description: 'A timestamp in RFC 3339 form with second precision, in UTC.',
    type: 'string',
    format: 'date-time',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': {
    description: 'A timestamp in RFC 3339 form with microsecond precision.',
    type: 'string',
    format: 'date-time',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': {
    description:
      'A patch body: JSON patch, JSON merge patch, strategic merge patch or an applied configuration.',
    type: 'object',
  },
};

const SPECIAL_NAMES: Record<string, string> = {
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
};

export const refTo = (name: string): JsonSchema => ({ $ref: `${REF_PREFIX}${name}` });

function typeSchema(t: TypeRef): JsonSchema {
  switch (t.kind) {
    case 'scalar':
      switch (t.name) {
        case 'integer':
          return { type: 'integer', format: 'int32' };
        case 'int64':
          return { type: 'integer', format: 'int64' };
        case 'number':
          return { type: 'number', format: 'double' };
        default:
          return { type: t.name };
      }
    case 'special':
      return t.name === 'object'
        ? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
        : { allOf: [refTo(SPECIAL_NAMES[t.name])] };
    case 'ref':
      return { default: {}, allOf: [refTo(t.name)] };
    case 'array':
      return { type: 'array', items: typeSchema(t.items) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(t.values) };
  }
}

function fieldSchema(f: FieldSchema): JsonSchema {
  const schema: JsonSchema = { description: f.description, ...typeSchema(f.type) };
  if (f.type.kind === 'ref' && f.required) delete schema.default;
  if (f.patchStrategies.length) schema['x-kubernetes-patch-strategy'] = f.patchStrategies.join(',');
  if (f.patchMergeKey) {
    schema['x-kubernetes-patch-merge-key'] = f.patchMergeKey;
    schema['x-kubernetes-list-type'] = 'map';
    schema['x-kubernetes-list-map-keys'] = [f.patchMergeKey];
  }
  return schema;
}

/** The component schema of one definition. */
export function definitionSchema(def: Definition): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, f] of Object.entries(def.fields)) properties[name] = fieldSchema(f);
  const schema: JsonSchema = { description: def.description, type: 'object', properties };
  const required = Object.entries(def.fields)
    .filter(([, f]) => f.required)
    .map(([name]) => name);
  if (required.length) schema.required = required;
  if (def.gvk) schema['x-kubernetes-group-version-kind'] = [def.gvk];
  return schema;
}

/** The `<Kind>List` schema of a served kind, as list responses use. */
export function listSchema(def: Definition): JsonSchema {
  const gvk = def.gvk!;
  return {
    description: `A list of ${gvk.kind} objects.`,
    type: 'object',
    properties: {
      apiVersion: { description: 'Versioned schema of this representation of the object.', type: 'string' },
      kind: { description: 'REST resource kind of this object, in CamelCase.', type: 'string' },
      metadata: {
        description: 'Standard list metadata.',
        default: {},
        allOf: [refTo('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta')],
      },
      items: {
        description: `The ${gvk.kind} objects.`,
        type: 'array',
        items: { default: {}, allOf: [refTo(def.name)] },
      },
    },
    required: ['items'],
    'x-kubernetes-group-version-kind': [{ ...gvk, kind: `${gvk.kind}List` }],
  };
}
