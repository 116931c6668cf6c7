// Sends objects and lists in the representation the client negotiated: JSON, YAML, or a meta.k8s.io Table
// (kubectl get, also one row per watch event), with limit/continue paging of lists.
import {
  apiVersionOf,
  type IncludeObject,
  type KubeObject,
  keyOf,
  renderTable,
  StatusError,
  statusErrors,
} from '@kubesim/api';
import { stringify as toYaml } from 'yaml';
import { negotiateResponse, type ResponseFormat } from '../negotiation/index.js';
import type { ResourceCall } from './context.js';
import { unwrap } from './errors.js';
import { addWarnings, sendJson } from './respond.js';

export function responseFormat(call: ResourceCall, watch = false): ResponseFormat {
  return unwrap(negotiateResponse(call.req.headers.accept, { watch }));
}

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject') ?? 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object')
    throw new StatusError(statusErrors.badRequest(`invalid includeObject: ${v}`));
  return v;
}

function partialMetadata(obj: KubeObject, version: string) {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

/** The body for `objects` in `format`; `list` gives the list's metadata (for lists only). */
function represent(
  call: ResourceCall,
  format: ResponseFormat,
  objects: KubeObject[],
  list?: Record<string, unknown>,
): unknown {
  const { info } = call.target;
  if (format.as === 'Table') {
    const listMeta = list ?? { resourceVersion: objects[0]?.metadata.resourceVersion };
    return renderTable(info.kind, objects, call.api.now(), {
      includeObject: includeObject(call.query),
      version: format.version,
      listMeta,
    });
  }
  if (format.as === 'PartialObjectMetadata') {
    if (!list) return partialMetadata(objects[0], format.version);
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${format.version}`,
      metadata: list,
      items: objects.map((o) => partialMetadata(o, format.version)),
    };
  }
  return list
    ? { kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata: list, items: objects }
    : objects[0];
}

function send(call: ResourceCall, code: number, format: ResponseFormat, body: unknown): void {
  if (format.as === 'object' && format.serialization === 'yaml') {
    const text = toYaml(body);
    call.res.writeHead(code, {
      'Content-Type': format.contentType,
      'Content-Length': Buffer.byteLength(text),
    });
    call.res.end(text);
    return;
  }
  sendJson(call.res, code, body, format.contentType);
}

export function sendObject(call: ResourceCall, code: number, obj: KubeObject, warnings: string[] = []): void {
  addWarnings(call.res, warnings);
  const format = responseFormat(call);
  send(call, code, format, represent(call, format, [obj]));
}

interface Continue {
  rv: number;
  after: string;
}

function decodeContinue(token: string): Continue {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString()) as Continue;
    if (typeof c.rv === 'number' && typeof c.after === 'string') return c;
  } catch {}
  throw new StatusError(statusErrors.badRequest('continue key is not valid: the token could not be decoded'));
}

/** Lists are ordered by namespace/name, so a continue token is just the revision and the last key served. */
export function sendObjectList(
  call: ResourceCall,
  items: KubeObject[],
  revision: number,
  page: { limit?: number; continue?: string },
): void {
  const format = responseFormat(call);
  const from = page.continue ? decodeContinue(page.continue) : undefined;
  let selected = items
    .map((o) => [keyOf(o), o] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (from) selected = selected.filter(([k]) => k > from.after);
  const listRevision = from?.rv ?? revision;
  const metadata: Record<string, unknown> = { resourceVersion: String(listRevision) };
  const limit = page.limit ?? 0;
  if (limit > 0 && selected.length > limit) {
    metadata.remainingItemCount = selected.length - limit;
    selected = selected.slice(0, limit);
    metadata.continue = Buffer.from(
      JSON.stringify({ rv: listRevision, after: selected[selected.length - 1][0] }),
    ).toString('base64url');
  }
  send(
    call,
    200,
    format,
    represent(
      call,
      format,
      selected.map(([, o]) => o),
      metadata,
    ),
  );
}

/** Table watches carry a one-row Table per event; plain watches the object itself. */
export function watchEventObject(call: ResourceCall, format: ResponseFormat, obj: KubeObject): unknown {
  return represent(call, format, [obj]);
}
