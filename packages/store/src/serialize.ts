// Canonical JSON for stored objects, split around metadata.resourceVersion: the write scripts splice in the
// revision they allocate as text, so Lua never decodes JSON and the stored bytes are exactly what TS wrote.
import { randomUUID } from 'node:crypto';
import type { KubeObject, ObjectMeta } from '@kubesim/api';

/** ObjectMeta fields in Kubernetes' own order. Only strings precede resourceVersion, which makes the first
 *  `"resourceVersion":"…"` in the JSON the object's own (the Lua scripts rely on that). */
const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;
const KNOWN_META = new Set<string>(META_ORDER);
const STRING_FIELDS_BEFORE_RV = ['name', 'generateName', 'namespace', 'selfLink', 'uid'] as const;

/** apiVersion, kind, metadata (in META_ORDER, resourceVersion as given), then the object's other fields in their
 *  own order; undefined members left out. Top level and metadata are new objects; nested values are shared. */
export function canonical<T extends KubeObject>(obj: T, resourceVersion: string | undefined): T {
  const meta = obj.metadata as Record<string, unknown>;
  for (const f of STRING_FIELDS_BEFORE_RV) {
    if (meta[f] !== undefined && typeof meta[f] !== 'string')
      throw new TypeError(`metadata.${f} must be a string`);
  }
  const metadata: Record<string, unknown> = {};
  for (const f of META_ORDER) {
    const v = f === 'resourceVersion' ? resourceVersion : meta[f];
    if (v !== undefined) metadata[f] = v;
  }
  for (const f of Object.keys(meta)) {
    if (meta[f] !== undefined && !KNOWN_META.has(f)) metadata[f] = meta[f];
  }
  const out: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, metadata };
  const top = obj as Record<string, unknown>;
  for (const f of Object.keys(top)) if (top[f] !== undefined && !(f in out)) out[f] = top[f];
  return out as T;
}

/** An object ready to store: its canonical form and that form's JSON split where metadata.resourceVersion's
 *  value goes. */
export interface Serialized<T extends KubeObject> {
  object: T;
  /** JSON text up to and including the opening quote of metadata.resourceVersion's value. */
  prefix: string;
  /** JSON text from the closing quote of that value on. */
  suffix: string;
}

// Unguessable, so no user-supplied string can be mistaken for the splice point.
const PLACEHOLDER = `ksim-rv-${randomUUID()}`;
const MARK = `"resourceVersion":"${PLACEHOLDER}"`;

export function serialize<T extends KubeObject>(obj: T): Serialized<T> {
  const object = canonical(obj, PLACEHOLDER);
  const json = JSON.stringify(object);
  const valueStart = json.indexOf(MARK) + MARK.length - PLACEHOLDER.length - 1;
  return { object, prefix: json.slice(0, valueStart), suffix: json.slice(valueStart + PLACEHOLDER.length) };
}

export function jsonAt(s: Serialized<KubeObject>, resourceVersion: string | number): string {
  return `${s.prefix}${resourceVersion}${s.suffix}`;
}

/** The serialized object as stored at `resourceVersion` (none: as a dry run would have stored it). */
export function objectAt<T extends KubeObject>(
  s: Serialized<T>,
  resourceVersion: string | number | undefined,
): T {
  const metadata: ObjectMeta = { ...s.object.metadata };
  if (resourceVersion === undefined) delete metadata.resourceVersion;
  else metadata.resourceVersion = String(resourceVersion);
  return { ...s.object, metadata };
}
