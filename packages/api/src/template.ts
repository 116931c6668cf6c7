// Pod template comparison the Deployment controller uses to find "the new ReplicaSet".
import { isRecord } from './json.js';
import { POD_TEMPLATE_HASH_LABEL } from './well-known.js';

/** Absent, null, [] and {} (also a record holding only such values, like a Go struct left at its zero value). */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isRecord(v) && Object.values(v).every(isEmpty);
}

/** Go's semantic equality: nil and empty maps or slices are the same thing. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => semanticEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual(a[k], b[k]));
  }
  return isEmpty(a) && isEmpty(b);
}

function withoutHashLabel(template: unknown): unknown {
  if (!isRecord(template) || !isRecord(template.metadata) || !isRecord(template.metadata.labels))
    return template;
  const { [POD_TEMPLATE_HASH_LABEL]: _, ...labels } = template.metadata.labels;
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** deployment_util EqualIgnoreHash: templates equal once the pod-template-hash label is removed from both. */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return semanticEqual(withoutHashLabel(t1), withoutHashLabel(t2));
}
