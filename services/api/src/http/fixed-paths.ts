// The API's fixed endpoints: /version, health probes, discovery (aggregated and legacy) and OpenAPI.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusErrors } from '@kubesim/api';
import {
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  negotiateDiscovery,
  versionInfo,
} from '../discovery/index.js';
import {
  OPENAPI_V2_CONTENT_TYPE,
  openApiV2Stub,
  openApiV3Document,
  openApiV3Index,
} from '../openapi/index.js';
import type { ApiContext } from './context.js';
import { unwrap } from './errors.js';
import { sendJson, sendStatus } from './respond.js';

function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function discoveryRoot(root: 'api' | 'apis', req: IncomingMessage, res: ServerResponse): void {
  const format = unwrap(negotiateDiscovery(req.headers.accept));
  if (format.format === 'aggregated') {
    sendJson(res, 200, aggregatedDiscovery(root, format.version), format.contentType);
  } else {
    const host = req.headers.host ?? '127.0.0.1';
    sendJson(res, 200, root === 'api' ? apiVersions(host) : apiGroupList());
  }
}

async function probe(api: ApiContext, res: ServerResponse): Promise<void> {
  try {
    await api.store.revision();
    sendText(res, 200, 'ok');
  } catch (err) {
    sendText(res, 503, `[-]store failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function serveFixedPath(
  api: ApiContext,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendStatus(
      res,
      statusErrors.methodNotAllowed('the server does not allow this method on the requested resource'),
    );
  }
  if (path === '/version') return sendJson(res, 200, versionInfo());
  if (path === '/healthz' || path === '/livez') return sendText(res, 200, 'ok');
  if (path === '/readyz') return probe(api, res);
  if (path === '/api') return discoveryRoot('api', req, res);
  if (path === '/apis') return discoveryRoot('apis', req, res);
  if (path === '/openapi/v2') {
    const body = openApiV2Stub();
    res.writeHead(200, { 'Content-Type': OPENAPI_V2_CONTENT_TYPE, 'Content-Length': body.length });
    return void res.end(body);
  }
  if (path === '/openapi/v3') return sendJson(res, 200, openApiV3Index());
  if (path.startsWith('/openapi/v3/')) {
    const doc = openApiV3Document(path);
    if (doc) return sendJson(res, 200, doc.document);
  }
  const parts = path.split('/').filter(Boolean);
  // /api/v1, /apis/<group>, /apis/<group>/<version>
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList('', parts[1]);
    if (list) return sendJson(res, 200, list);
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroup(parts[1]);
    if (group) return sendJson(res, 200, group);
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(parts[1], parts[2]);
    if (list) return sendJson(res, 200, list);
  }
  sendStatus(res, statusErrors.notFound({ group: '', resource: '' }, path));
}
