// How kubectl names resources and objects in its messages: `deployments.apps "x"` in errors and deletions,
// `deployment.apps/x` in results and -o name.
import { type KindInfo, type KubeObject, kindInfo } from '@kubesim/api';

/** The group-qualified lower-case kind: `deployment.apps`, `pod`. */
export function qualifiedKind(info: KindInfo): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/** `deployment.apps/x`, what -o name and every "created"/"configured" line print. */
export function objectRef(info: KindInfo, name: string): string {
  return `${qualifiedKind(info)}/${name}`;
}

/** `deployments.apps "x"`, how kubectl's own errors refer to an object (the group-qualified plural). */
export function quotedRef(info: KindInfo, name: string): string {
  return `${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}"`;
}

/** The registered kind of an object, or an error naming what is missing, as kubectl words it. */
export function infoOf(obj: KubeObject): KindInfo {
  const info = kindInfo(obj.kind);
  if (!info) throw new Error(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  return info;
}
