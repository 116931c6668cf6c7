// Turns a request path into what it addresses, like the API server's RequestInfoFactory: a resource
// request (group, version, namespace, resource, name, subresource) or one of the fixed endpoints.
import { KINDS, type KindInfo } from '@kubesim/api';

export interface ResourceRequest {
  type: 'resource';
  group: string;
  version: string;
  namespace?: string;
  info: KindInfo;
  name?: string;
  subresource?: string;
}

export interface UnknownResource {
  type: 'unknown-resource';
  group: string;
  version: string;
  resource: string;
}

export interface PathRequest {
  type: 'path';
  path: string;
}

export type RequestInfo = ResourceRequest | UnknownResource | PathRequest;

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const byGroupResource = new Map(KINDS.map((k) => [`${k.group}/${k.resource}`, k]));

/** Percent-decodes one path segment; a malformed escape is kept as sent (and then names nothing). */
function decodeSegment(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** Parses `/api/v1/...` and `/apis/<group>/<version>/...`; anything else is a plain path. */
export function parseRequestPath(pathname: string): RequestInfo {
  const parts = pathname.split('/').filter((p) => p !== '');
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    rest = parts.slice(2);
  } else {
    return { type: 'path', path: `/${parts.join('/')}` };
  }
  const version = rest[0];
  let segs = rest.slice(1);
  let namespace: string | undefined;
  // `namespaces/<ns>/<resource>...` addresses a namespaced collection; `namespaces/<ns>[/status|/finalize]`
  // is the Namespace object itself.
  if (segs[0] === 'namespaces' && segs.length >= 3 && !NAMESPACE_SUBRESOURCES.has(segs[2])) {
    namespace = decodeSegment(segs[1]);
    segs = segs.slice(2);
  }
  const resource = segs[0];
  const info = byGroupResource.get(`${group}/${resource}`);
  if (!info || info.version !== version) return { type: 'unknown-resource', group, version, resource };
  const req: ResourceRequest = { type: 'resource', group, version, info };
  if (namespace !== undefined) req.namespace = namespace;
  if (segs[1] !== undefined) req.name = decodeSegment(segs[1]);
  if (segs[2] !== undefined) req.subresource = segs[2];
  if (segs.length > 3) return { type: 'unknown-resource', group, version, resource: segs.join('/') };
  return req;
}
