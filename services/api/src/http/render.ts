// Sends objects and lists in the representation the client negotiated: JSON, YAML, or a meta.k8s.io Table
// (kubectl get, also one row per watch event), with limit/continue paging of lists.
import {
  apiVersionOf,
  type IncludeObject,
  type KubeObject,
  renderTable,
  StatusError,
  statusErrors,
} from '@kubesim/api';
import { stringify as toYaml } from 'yaml';
import { type ListOptions, negotiateResponse, type ResponseFormat } from '../negotiation/index.js';
import type { ResourceCall } from './context.js';
import { unwrap } from './errors.js';
import { after } from './list-pages.js';
import { addWarnings, sendJson } from './respond.js';
import { jsonOf, type Listed, listed, listedParsed, objectOf } from './stored-list.js';

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

export interface Continue {
  rv: number;
  after: string;
}

export function decodeContinue(token: string): Continue {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString()) as Continue;
    if (typeof c.rv === 'number' && typeof c.after === 'string') return c;
  } catch {}
  throw new StatusError(statusErrors.badRequest('continue key is not valid: the token could not be decoded'));
}

const isJson = (format: ResponseFormat) => format.as === 'object' && format.serialization === 'json';

/** How a list reads the stored texts: as text, parsed only where needed, unless every object is parsed anyway (a
 *  whole list as a Table or YAML). */
export function listDecoder(call: ResourceCall, opts: ListOptions): (json: string) => Listed {
  const parsesAll =
    !isJson(responseFormat(call)) &&
    !opts.limit &&
    opts.labelSelector.isEmpty() &&
    opts.fieldSelector.isEmpty();
  return parsesAll ? listedParsed : listed;
}

/**
 * Sends one page of a list sorted by key (namespace/name): the items after the continue token's key, up to the
 * limit. A continue token is just the list's revision and the last key served.
 */
export async function sendObjectList(
  call: ResourceCall,
  sorted: Listed[],
  revision: number,
  page: { limit?: number; from?: Continue },
): Promise<void> {
  const format = responseFormat(call);
  let selected = page.from ? after(sorted, page.from.after) : sorted;
  const listRevision = page.from?.rv ?? revision;
  const metadata: Record<string, unknown> = { resourceVersion: String(listRevision) };
  const limit = page.limit ?? 0;
  if (limit > 0 && selected.length > limit) {
    metadata.remainingItemCount = selected.length - limit;
    selected = selected.slice(0, limit);
    metadata.continue = Buffer.from(
      JSON.stringify({ rv: listRevision, after: selected[selected.length - 1].key }),
    ).toString('base64url');
  }
  if (isJson(format)) return streamJsonList(call, format, metadata, selected);
  send(call, 200, format, represent(call, format, selected.map(objectOf), metadata));
}

export const byKey = (a: Listed, b: Listed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Bytes per write of a streamed list: the socket takes one while the next is filled. */
const LIST_CHUNK = 1 << 20;

/**
 * A JSON list written from the stored texts, which are what JSON.stringify makes of the parsed objects: the
 * same bytes as the parsed path, without parsing. Written in chunks, each once the socket took the one before,
 * so the response is never held whole (a list of a large kind would near V8's string length limit). Texts are
 * encoded straight into the chunk: joining them into strings first costs several times more.
 */
async function streamJsonList(
  call: ResourceCall,
  format: ResponseFormat,
  metadata: Record<string, unknown>,
  items: Listed[],
): Promise<void> {
  // An empty list's JSON ends `"items":[]}`: the items go between those brackets.
  const envelope = JSON.stringify(represent(call, format, [], metadata));
  const itemsEnd = envelope.length - ']}'.length;
  const { res } = call;
  res.writeHead(200, { 'Content-Type': format.contentType });
  let chunk = Buffer.allocUnsafe(LIST_CHUNK);
  let used = chunk.write(envelope.slice(0, itemsEnd));
  for (let i = 0; i < items.length; i++) {
    const json = jsonOf(items[i]);
    // UTF-8 takes at most three bytes per UTF-16 unit; one more for the comma.
    const room = 3 * json.length + 1;
    if (used + room > chunk.length) {
      if (!res.write(chunk.subarray(0, used)) && !res.destroyed) await drained(res);
      if (res.destroyed) return;
      chunk = Buffer.allocUnsafe(Math.max(LIST_CHUNK, room));
      used = 0;
    }
    if (i > 0) used += chunk.write(',', used);
    used += chunk.write(json, used);
  }
  res.write(chunk.subarray(0, used));
  res.end(envelope.slice(itemsEnd));
}

function drained(res: ResourceCall['res']): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Table watches carry a one-row Table per event; plain watches the object itself. */
export function watchEventObject(call: ResourceCall, format: ResponseFormat, obj: KubeObject): unknown {
  return represent(call, format, [obj]);
}
