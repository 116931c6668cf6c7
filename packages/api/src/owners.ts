// Owner references: the controller reference controllers stamp on what they create, and the lookups the garbage
// collector and adoption logic need.
import type { KubeObject, OwnerReference } from './meta.js';

/** apiVersion, kind, name, uid of the owner, with controller and blockOwnerDeletion set. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function refsOf(obj: KubeObject): OwnerReference[] {
  const refs = obj?.metadata?.ownerReferences;
  return Array.isArray(refs) ? refs : [];
}

/** The one owner reference marked controller, if any (metav1.GetControllerOf). */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return refsOf(obj).find((r) => r?.controller === true);
}

/** Whether `owner` is the controller of `obj`, compared by UID (metav1.IsControlledBy). */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = getControllerOf(obj);
  return !!ref && !!owner.metadata.uid && ref.uid === owner.metadata.uid;
}

/** Whether any owner reference of `obj` points at this UID. */
export function hasOwner(obj: KubeObject, uid: string): boolean {
  return refsOf(obj).some((r) => r?.uid === uid);
}
