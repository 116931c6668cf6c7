// Checks a decoded body against the endpoint it was sent to, as the API server's decoder does:
// it must be an object of this kind and version, in this namespace, with this name.
import { apiVersionOf, type KindInfo, type KubeObject, StatusError, statusErrors } from '@kubesim/api';
import { isPlainObject } from './body.js';
import type { ResourceRequest } from './request-info.js';

export function asKubeObject(
  body: unknown,
  target: ResourceRequest,
  expectKind = target.info.kind,
): KubeObject {
  const info = target.info;
  if (!isPlainObject(body)) {
    throw new StatusError(statusErrors.badRequest(`the body of the request must be a JSON object`));
  }
  const wantVersion = expectKind === info.kind ? apiVersionOf(info) : (body.apiVersion as string);
  if (body.kind === undefined || body.kind === '') body.kind = expectKind;
  if (body.apiVersion === undefined || body.apiVersion === '') body.apiVersion = wantVersion;
  if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string') {
    throw new StatusError(statusErrors.badRequest(`Object 'Kind' is missing in the request body`));
  }
  if (body.kind !== expectKind) {
    throw new StatusError(
      statusErrors.badRequest(
        `the kind in the data (${body.kind}) does not match the expected kind (${expectKind}) for ${resourcePath(info)}`,
      ),
    );
  }
  if (body.apiVersion !== wantVersion) {
    throw new StatusError(
      statusErrors.badRequest(
        `the API version in the data (${body.apiVersion}) does not match the expected API version (${wantVersion})`,
      ),
    );
  }
  if (body.metadata === undefined) body.metadata = {};
  if (!isPlainObject(body.metadata)) {
    throw new StatusError(statusErrors.badRequest('metadata must be an object'));
  }
  const meta = body.metadata as KubeObject['metadata'];
  if (info.namespaced) {
    if (meta.namespace === undefined || meta.namespace === '') meta.namespace = target.namespace;
    else if (target.namespace !== undefined && meta.namespace !== target.namespace) {
      throw new StatusError(
        statusErrors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        ),
      );
    }
  }
  if (target.name !== undefined) {
    if (meta.name === undefined || meta.name === '') meta.name = target.name;
    else if (meta.name !== target.name) {
      throw new StatusError(
        statusErrors.badRequest(
          `the name of the object (${String(meta.name)}) does not match the name on the URL (${target.name})`,
        ),
      );
    }
  }
  return body as KubeObject;
}

function resourcePath(info: KindInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
