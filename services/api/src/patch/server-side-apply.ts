// `application/apply-patch+yaml` (kubectl apply --server-side), simplified. What it does: creates the object
// from the manifest when it does not exist, and otherwise merges the manifest into the live object with the
// strategic-merge rules of the kind's schema (maps merge, keyed lists merge by key, other lists and scalars
// take the manifest's value). What it does not do: track field ownership (managedFields), so fields dropped from
// a later manifest stay on the object, and it never reports conflicts between field managers (force has no
// effect). Nulls and `$` directives in a manifest are ignored, as apply has no deletion syntax.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { isObject, type JsonObject } from './json.js';
import { rootTypeOf } from './patch-meta.js';
import { strategicMerge } from './strategic-merge.js';

export interface PatchTarget {
  /** Name from the request URL. */
  name: string;
  /** Namespace from the request URL; absent for cluster-scoped kinds. */
  namespace?: string;
}

/** Drops nulls and `$` keys, which carry no meaning in an applied configuration. */
function withoutNullsOrDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullsOrDirectives);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && !k.startsWith('$')) out[k] = withoutNullsOrDirectives(v);
  }
  return out;
}

function checkManifest(
  kind: string,
  manifest: unknown,
  target: PatchTarget | undefined,
): E.Either<Status, JsonObject> {
  if (!isObject(manifest)) return E.left(statusErrors.badRequest('apply patch must be a single object'));
  if (typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') {
    return E.left(statusErrors.badRequest('apply patch must set apiVersion and kind'));
  }
  if (manifest.kind !== kind) {
    return E.left(
      statusErrors.badRequest(
        `the kind of the applied object (${manifest.kind}) does not match the resource's kind (${kind})`,
      ),
    );
  }
  const meta = isObject(manifest.metadata) ? manifest.metadata : {};
  if (target && typeof meta.name === 'string' && meta.name !== target.name) {
    return E.left(
      statusErrors.badRequest(
        `the name of the object (${meta.name}) does not match the name on the URL (${target.name})`,
      ),
    );
  }
  if (target?.namespace && typeof meta.namespace === 'string' && meta.namespace !== target.namespace) {
    return E.left(
      statusErrors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      ),
    );
  }
  return E.right(withoutNullsOrDirectives(manifest) as JsonObject);
}

/** Applies a manifest: the created object when `live` is undefined, else `live` with the manifest merged in. */
export function serverSideApply(
  kind: string,
  live: JsonObject | undefined,
  manifest: unknown,
  target?: PatchTarget,
): E.Either<Status, JsonObject> {
  return E.chain((applied: JsonObject) => {
    if (live) return strategicMerge(live, applied, rootTypeOf(kind));
    const metadata = isObject(applied.metadata) ? applied.metadata : {};
    if (target) {
      metadata.name ??= target.name;
      if (target.namespace) metadata.namespace ??= target.namespace;
    }
    return E.right({ ...applied, metadata });
  })(checkManifest(kind, manifest, target));
}
