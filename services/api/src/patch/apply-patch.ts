// PATCH entry point: picks the dialect from the Content-Type, decodes the body and applies it to the live
// object, answering every bad input with a Status (400, 404, 413, 415, 422) instead of an exception.
import { type KubeObject, kindInfo, type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { bodyText, parseJson, parseYaml, unsupportedMediaType } from '../negotiation/body.js';
import { essenceOf, parseMediaType } from '../negotiation/media-type.js';
import { checkNesting } from '../negotiation/nesting.js';
import { isObject, type JsonObject } from './json.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import { rootTypeOf } from './patch-meta.js';
import { type PatchTarget, serverSideApply } from './server-side-apply.js';
import { strategicMerge } from './strategic-merge.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  apply: 'application/apply-patch+yaml',
  strategic: 'application/strategic-merge-patch+json',
};

const BY_CONTENT_TYPE = new Map(Object.entries(PATCH_CONTENT_TYPES).map(([t, ct]) => [ct, t as PatchType]));

/** The patch dialect a Content-Type names (parameters such as charset ignored); 415 for anything else. */
export function patchTypeOf(contentType: string | undefined): E.Either<Status, PatchType> {
  const mt = contentType ? parseMediaType(contentType) : undefined;
  const type = mt && BY_CONTENT_TYPE.get(essenceOf(mt));
  return type ? E.right(type) : E.left(unsupportedMediaType(Object.values(PATCH_CONTENT_TYPES)));
}

function decodePatch(type: PatchType, body: string | Uint8Array): E.Either<Status, unknown> {
  const text = bodyText(body);
  return pipe(
    type === 'apply' ? parseYaml(text) : parseJson(text),
    E.mapLeft((m) => statusErrors.badRequest(`error decoding patch: ${m}`)),
    E.chain(checkNesting),
  );
}

function notFound(kind: string, target: PatchTarget | undefined): Status {
  const info = kindInfo(kind);
  return statusErrors.notFound(
    { group: info?.group ?? '', resource: info?.resource ?? kind.toLowerCase() },
    target?.name ?? '',
  );
}

/** A patched document must still be an object of the same kind and version with object metadata. */
function checkResult(live: JsonObject | undefined, result: unknown): E.Either<Status, KubeObject> {
  if (!isObject(result)) return E.left(statusErrors.badRequest('the patched object is not a JSON object'));
  if (live) {
    for (const field of ['apiVersion', 'kind'] as const) {
      result[field] ??= live[field];
      if (result[field] !== live[field]) {
        return E.left(
          statusErrors.badRequest(
            `the patch changed ${field} from ${JSON.stringify(live[field])} to ${JSON.stringify(result[field])}`,
          ),
        );
      }
    }
  }
  if (!isObject(result.metadata))
    return E.left(statusErrors.badRequest('the patched object has no metadata object'));
  return E.right(result as unknown as KubeObject);
}

function applyDecoded(
  kind: string,
  type: PatchType,
  live: JsonObject | undefined,
  patch: unknown,
  target?: PatchTarget,
) {
  switch (type) {
    case 'json':
      return applyJsonPatch(live, patch);
    case 'merge':
      return E.right(applyMergePatch(live, patch));
    case 'strategic':
      return isObject(patch)
        ? strategicMerge(live ?? {}, patch, rootTypeOf(kind))
        : E.left(
            statusErrors.badRequest('error decoding patch: a strategic merge patch must be a JSON object'),
          );
    case 'apply':
      return serverSideApply(kind, live, patch, target);
  }
}

/**
 * Applies a PATCH request body to `live` (the stored object, or undefined when it does not exist). Only
 * `application/apply-patch+yaml` can create: the other dialects answer 404 for a missing object. `target`, the
 * name and namespace from the URL, words the 404 and is checked against an applied manifest.
 */
export function applyPatch(
  kind: string,
  live: KubeObject | undefined,
  contentType: string | undefined,
  body: string | Uint8Array,
  target?: PatchTarget,
): E.Either<Status, KubeObject> {
  const current = live as JsonObject | undefined;
  return pipe(
    patchTypeOf(contentType),
    E.chain((type) => (current || type === 'apply' ? E.right(type) : E.left(notFound(kind, target)))),
    E.chain((type) =>
      pipe(
        decodePatch(type, body),
        E.chain((patch) => applyDecoded(kind, type, current, patch, target)),
      ),
    ),
    E.chain((result) => checkResult(current, result)),
  );
}
