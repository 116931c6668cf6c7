// ControllerRevision data for StatefulSets and DaemonSets: a strategic-merge patch that replaces spec.template,
// serialized exactly as Go writes it, because `kubectl rollout undo` compares these bytes with its own.

import { canonicalJson } from './hash.js';
import { deepCopy, isRecord } from './json.js';

/**
 * `{"spec":{"template":{"$patch":"replace",...}}}` in canonical JSON. The template is expected defaulted; its
 * metadata gets `creationTimestamp: null`, which Go always writes for an embedded ObjectMeta.
 */
export function controllerRevisionData(template: unknown): string {
  const t = isRecord(template) ? deepCopy(template) : {};
  const metadata = isRecord(t.metadata) ? t.metadata : {};
  if (!('creationTimestamp' in metadata)) metadata.creationTimestamp = null;
  t.metadata = metadata;
  t.$patch = 'replace';
  return canonicalJson({ spec: { template: t } });
}
