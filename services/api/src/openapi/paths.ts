// OpenAPI v3 path items for a served kind: collection, item and subresource operations. kubectl looks only at
// the PATCH operations: one tagged with the kind's group-version-kind that lists the fieldValidation parameter
// tells it the server validates fields itself (kubectl-wire.md §4.3).
import type { KindInfo } from '@kubesim/api';
import { PATCH_CONTENT_TYPES } from '../patch/index.js';
import { type JsonSchema, refTo } from './components.js';

export const SCALE_SCHEMA = 'io.k8s.api.autoscaling.v1.Scale';

const query = (name: string, description: string, type = 'string'): JsonSchema => ({
  name,
  in: 'query',
  description,
  schema: { type, uniqueItems: true },
});

const DRY_RUN = query('dryRun', 'When present ("All"), the change is validated but not persisted.');
const FIELD_MANAGER = query('fieldManager', 'Name of the actor making the change, for field ownership.');
const FIELD_VALIDATION = query(
  'fieldValidation',
  'How unknown or duplicate fields in the body are handled: Ignore, Warn or Strict (the default).',
);
const FORCE = query('force', 'Force an apply patch to take fields owned by other managers.', 'boolean');
const LIST_PARAMS = [
  query('labelSelector', 'Only return objects whose labels match this selector.'),
  query('fieldSelector', 'Only return objects whose fields match this selector.'),
  query('resourceVersion', 'Version to read or watch from.'),
  query('limit', 'Maximum number of items to return.', 'integer'),
  query('continue', 'Token of the next page.'),
  query('watch', 'Stream changes instead of returning a list.', 'boolean'),
  query('allowWatchBookmarks', 'Allow BOOKMARK events in a watch.', 'boolean'),
  query('timeoutSeconds', 'Time limit of the list or watch call.', 'integer'),
];
const PATH_PARAM = (name: string, description: string): JsonSchema => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', uniqueItems: true },
});

const ok = (schema: string, code = '200'): JsonSchema => ({
  [code]: {
    description: code === '201' ? 'Created' : 'OK',
    content: { 'application/json': { schema: refTo(schema) } },
  },
});

function body(schema: string, contentTypes: string[]): JsonSchema {
  return {
    required: true,
    content: Object.fromEntries(contentTypes.map((ct) => [ct, { schema: refTo(schema) }])),
  };
}

/** Go-style identifiers: "apps" + "v1" → "AppsV1"; the core group has none. */
function groupVersionWord(info: KindInfo): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const group = info.group === '' ? 'Core' : info.group.split('.').map(cap).join('');
  return `${group}${cap(info.version)}`;
}

interface Operation {
  action: string;
  verb: string;
  /** Names the subresource in the operation id, e.g. Status or Scale. */
  suffix?: string;
  gvk: { group: string; version: string; kind: string };
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: JsonSchema;
}

function operation(info: KindInfo, scopeWord: string, op: Operation): JsonSchema {
  return {
    description: `${op.verb} ${info.kind}${op.suffix ? ` ${op.suffix}` : ''}`,
    operationId: `${op.verb}${groupVersionWord(info)}${scopeWord}${info.kind}${op.suffix ?? ''}`,
    tags: [`${info.group.split('.')[0] || 'core'}_${info.version}`],
    parameters: op.parameters ?? [],
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: op.responses,
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': op.gvk,
  };
}

function patchOperation(
  info: KindInfo,
  scopeWord: string,
  schema: string,
  gvk: Operation['gvk'],
  suffix?: string,
): JsonSchema {
  return operation(info, scopeWord, {
    action: 'patch',
    verb: 'patch',
    suffix,
    gvk,
    parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
    requestBody: body('io.k8s.apimachinery.pkg.apis.meta.v1.Patch', Object.values(PATCH_CONTENT_TYPES)),
    responses: { ...ok(schema), ...ok(schema, '201') },
  });
}

/** Path items of one kind, keyed by path (`/apis/apps/v1/namespaces/{namespace}/deployments/{name}`, ...). */
export function kindPaths(info: KindInfo, schema: string): Record<string, JsonSchema> {
  const prefix = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  const collection = info.namespaced
    ? `${prefix}/namespaces/{namespace}/${info.resource}`
    : `${prefix}/${info.resource}`;
  const item = `${collection}/{name}`;
  const scopeWord = info.namespaced ? 'Namespaced' : '';
  const gvk = { group: info.group, version: info.version, kind: info.kind };
  const pathParams = info.namespaced ? [PATH_PARAM('namespace', 'Namespace of the object.')] : [];
  const itemParams = [PATH_PARAM('name', `Name of the ${info.kind}.`), ...pathParams];
  const writeParams = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION];

  const paths: Record<string, JsonSchema> = {
    [collection]: {
      parameters: pathParams,
      get: operation(info, scopeWord, {
        action: 'list',
        verb: 'list',
        gvk,
        parameters: LIST_PARAMS,
        responses: ok(`${schema}List`),
      }),
      post: operation(info, scopeWord, {
        action: 'post',
        verb: 'create',
        gvk,
        parameters: writeParams,
        requestBody: body(schema, ['application/json', 'application/yaml']),
        responses: { ...ok(schema), ...ok(schema, '201') },
      }),
    },
    [item]: {
      parameters: itemParams,
      get: operation(info, scopeWord, { action: 'get', verb: 'read', gvk, responses: ok(schema) }),
      put: operation(info, scopeWord, {
        action: 'put',
        verb: 'replace',
        gvk,
        parameters: writeParams,
        requestBody: body(schema, ['application/json', 'application/yaml']),
        responses: { ...ok(schema), ...ok(schema, '201') },
      }),
      patch: patchOperation(info, scopeWord, schema, gvk),
      delete: operation(info, scopeWord, {
        action: 'delete',
        verb: 'delete',
        gvk,
        parameters: [DRY_RUN],
        responses: ok(schema),
      }),
    },
  };
  if (info.namespaced) {
    paths[`${prefix}/${info.resource}`] = {
      get: operation(info, '', {
        action: 'list',
        verb: 'list',
        suffix: 'ForAllNamespaces',
        gvk,
        parameters: LIST_PARAMS,
        responses: ok(`${schema}List`),
      }),
    };
  }
  if (info.statusSubresource) {
    paths[`${item}/status`] = {
      parameters: itemParams,
      get: operation(info, scopeWord, {
        action: 'get',
        verb: 'read',
        suffix: 'Status',
        gvk,
        responses: ok(schema),
      }),
      patch: patchOperation(info, scopeWord, schema, gvk, 'Status'),
    };
  }
  if (info.scaleSubresource) {
    const scaleGvk = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
    paths[`${item}/scale`] = {
      parameters: itemParams,
      get: operation(info, scopeWord, {
        action: 'get',
        verb: 'read',
        suffix: 'Scale',
        gvk: scaleGvk,
        responses: ok(SCALE_SCHEMA),
      }),
      patch: patchOperation(info, scopeWord, SCALE_SCHEMA, scaleGvk, 'Scale'),
    };
  }
  return paths;
}
