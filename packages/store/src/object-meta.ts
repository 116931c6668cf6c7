// Server-owned metadata, set the way the Kubernetes API server sets it: identity and timestamps on create;
// immutable fields, the generation counter and the main/status split on update.
import { deepEqual, deepEqualExcept, type KindInfo, type KubeObject } from '@kubesim/api';

let lastSecond = Number.NaN;
let lastText = '';

/** metav1.Time as Kubernetes serializes it: RFC 3339 in UTC, whole seconds. The latest second is cached: every
 *  write stamps one. */
export function rfc3339(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

/** Metadata the server owns on create: whatever the client sent for these is replaced or dropped. */
const SET_ON_CREATE = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
]);

/** What the server sets on create; whatever the client sent for these is replaced. Fields are left out rather
 *  than deleted (deleting properties puts V8 objects in slow mode), by a plain copy loop rather than an object
 *  rest pattern, which V8 runs through a slow runtime call; this runs on every create. */
export function stampForCreate<T extends KubeObject>(
  obj: T,
  info: KindInfo,
  name: string,
  uid: string,
  now: number,
): T {
  const sent = obj.metadata as Record<string, unknown>;
  const metadata: Record<string, unknown> = { name, uid, creationTimestamp: rfc3339(now), generation: 1 };
  if (info.namespaced && sent.namespace !== undefined) metadata.namespace = sent.namespace;
  for (const f of Object.keys(sent)) if (!SET_ON_CREATE.has(f)) metadata[f] = sent[f];
  return { ...obj, metadata };
}

const IMMUTABLE_META = [
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

/** Members that are not desired state, for kinds without a spec. */
const NOT_DESIRED_STATE = new Set(['metadata', 'status']);

/** Whether the part of an object whose change is a new generation changed: spec, or for kinds without one
 *  everything but metadata and status (ConfigMap data, ControllerRevision data, …). */
export function desiredStateChanged(next: KubeObject, current: KubeObject): boolean {
  if (next.spec !== undefined || current.spec !== undefined) return !deepEqual(next.spec, current.spec);
  return !deepEqualExcept(next, current, NOT_DESIRED_STATE);
}

/** A write to the main resource: identity and deletion state stay as stored, a kind with a status subresource
 *  keeps its stored status, and the generation moves by one when the desired state changed. */
export function prepareForUpdate<T extends KubeObject>(proposed: T, current: T, info: KindInfo): T {
  const stored = current.metadata as Record<string, unknown>;
  const metadata: Record<string, unknown> = { ...proposed.metadata };
  // Written only where the proposal differs: adding (undefined) members to the copy costs more than comparing.
  // Absent stays absent: undefined members are dropped when the object is serialized.
  for (const f of IMMUTABLE_META) if (metadata[f] !== stored[f]) metadata[f] = stored[f];
  const next = info.statusSubresource
    ? ({ ...proposed, metadata, status: current.status } as T)
    : ({ ...proposed, metadata } as T);
  metadata.generation =
    ((stored.generation as number | undefined) ?? 0) + (desiredStateChanged(next, current) ? 1 : 0);
  return next;
}

/** A write to the status subresource: everything but status stays as stored (ResetObjectMetaForStatus). */
export function prepareForStatusUpdate<T extends KubeObject>(proposed: T, current: T): T {
  return { ...current, status: proposed.status };
}
