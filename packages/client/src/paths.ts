// REST paths for a kind, the way the API lays them out: /api/v1 for core, /apis/<group>/<version> else.
import { apiVersionOf, type KindInfo, kindInfo, StatusError, statusErrors } from '@kubesim/api';

export function infoFor(kind: string): KindInfo {
  const info = kindInfo(kind);
  if (!info) throw new StatusError(statusErrors.badRequest(`no kind "${kind}" is registered`));
  return info;
}

export function collectionPath(info: KindInfo, namespace?: string): string {
  const root = info.group ? `/apis/${apiVersionOf(info)}` : `/api/${info.version}`;
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${info.resource}`;
}

export function objectPath(
  info: KindInfo,
  namespace: string | undefined,
  name: string,
  subresource?: string,
): string {
  const base = `${collectionPath(info, namespace)}/${encodeURIComponent(name)}`;
  return subresource ? `${base}/${subresource}` : base;
}
