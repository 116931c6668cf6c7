// ObjectMeta rules every kind shares (apimachinery api/validation objectmeta.go): names, namespace scope,
// labels, annotations, ownerReferences, finalizers, and what an update may not change.
import { deepEqual, isRecord } from '../json.js';
import { FINALIZER_FOREGROUND_DELETION, FINALIZER_ORPHAN } from '../well-known.js';
import {
  all,
  type Check,
  each,
  fail,
  isAbsent,
  messages,
  nonNegative,
  ok,
  optArray,
  optBool,
  optInt64,
  optRecord,
  optString,
  optStringMap,
} from './check.js';
import { fieldErrors } from './field-error.js';
import { isQualifiedName, isValidLabelValue, type NameRule, nameIsDNSLabel } from './formats.js';
import { goValue } from './go-format.js';
import type { FieldPath } from './path.js';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabels(labels: unknown, path: FieldPath): Check {
  return optStringMap(labels, path, (m) =>
    each(Object.keys(m), (k) =>
      all(messages(path, k, isQualifiedName(k)), messages(path, m[k], isValidLabelValue(m[k]))),
    ),
  );
}

export function validateAnnotations(annotations: unknown, path: FieldPath): Check {
  return optStringMap(annotations, path, (m) => {
    const keys = Object.keys(m);
    let size = 0;
    for (const k of keys) size += Buffer.byteLength(k) + Buffer.byteLength(m[k]);
    return all(
      // Annotation keys are qualified names in any case.
      each(keys, (k) => messages(path, k, isQualifiedName(k.toLowerCase()))),
      size > TOTAL_ANNOTATION_SIZE_LIMIT ? fail(fieldErrors.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT)) : ok,
    );
  });
}

function validateOwnerReference(ref: unknown, path: FieldPath): Check {
  return optRecord(ref, path, (r) => {
    const apiVersion = typeof r.apiVersion === 'string' ? r.apiVersion : '';
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    return all(
      optString(r.apiVersion, path.child('apiVersion')),
      optString(r.kind, path.child('kind')),
      optString(r.name, path.child('name')),
      optString(r.uid, path.child('uid')),
      optBool(r.controller, path.child('controller')),
      optBool(r.blockOwnerDeletion, path.child('blockOwnerDeletion')),
      version
        ? ok
        : fail(fieldErrors.invalid(path.child('apiVersion'), apiVersion, 'version must not be empty')),
      r.kind ? ok : fail(fieldErrors.invalid(path.child('kind'), r.kind ?? '', 'must not be empty')),
      r.name ? ok : fail(fieldErrors.invalid(path.child('name'), r.name ?? '', 'must not be empty')),
      r.uid ? ok : fail(fieldErrors.invalid(path.child('uid'), r.uid ?? '', 'must not be empty')),
      apiVersion === 'v1' && r.kind === 'Event'
        ? fail(fieldErrors.invalid(path, r, '/v1, Kind=Event is disallowed from being an owner'))
        : ok,
    );
  });
}

export function validateOwnerReferences(refs: unknown, path: FieldPath): Check {
  return optArray(refs, path, (list) => {
    const controllers = list.filter((r) => isRecord(r) && r.controller === true) as Record<string, unknown>[];
    return all(
      each(list, (r) => validateOwnerReference(r, path)),
      controllers.length > 1
        ? fail(
            fieldErrors.invalidPrinted(
              path,
              JSON.stringify(list),
              `Only one reference can have Controller set to true. Found "true" in references for ${controllers[0].kind}/${controllers[0].name} and ${controllers[1].kind}/${controllers[1].name}`,
            ),
          )
        : ok,
    );
  });
}

export function validateFinalizers(finalizers: unknown, path: FieldPath): Check {
  return optArray(finalizers, path, (list) =>
    all(
      each(list, (f, i) => optString(f, path.index(i), (s) => messages(path, s, isQualifiedName(s)))),
      list.includes(FINALIZER_ORPHAN) && list.includes(FINALIZER_FOREGROUND_DELETION)
        ? fail(
            fieldErrors.invalid(
              path,
              list,
              `finalizer ${FINALIZER_ORPHAN} and ${FINALIZER_FOREGROUND_DELETION} cannot be both set`,
            ),
          )
        : ok,
    ),
  );
}

/** resourceVersion is opaque to clients but kubesim's are decimal revisions, as etcd's are. */
function validateResourceVersion(rv: unknown, path: FieldPath): Check {
  return optString(rv, path, (s) =>
    s === '' || /^[0-9]+$/.test(s)
      ? ok
      : fail(fieldErrors.invalid(path, s, `strconv.ParseUint: parsing ${goValue(s)}: invalid syntax`)),
  );
}

/** Fields of ObjectMeta that must at least have the right JSON type. */
function validateMetaShapes(meta: Record<string, unknown>, path: FieldPath): Check {
  return all(
    optString(meta.uid, path.child('uid')),
    validateResourceVersion(meta.resourceVersion, path.child('resourceVersion')),
    optString(meta.creationTimestamp, path.child('creationTimestamp')),
    optString(meta.deletionTimestamp, path.child('deletionTimestamp')),
    optInt64(meta.deletionGracePeriodSeconds, path.child('deletionGracePeriodSeconds')),
    optArray(meta.managedFields, path.child('managedFields')),
  );
}

export interface MetaScope {
  namespaced: boolean;
  nameRule: NameRule;
}

/** Metadata rules on create; a missing name is fine while generateName is set (the server generates it). */
export function validateObjectMeta(metadata: unknown, scope: MetaScope, path: FieldPath): Check {
  if (isAbsent(metadata))
    return fail(fieldErrors.required(path.child('name'), 'name or generateName is required'));
  return optRecord(metadata, path, (meta) => {
    const name = meta.name;
    const generateName = meta.generateName;
    const hasGenerateName = typeof generateName === 'string' && generateName !== '';
    return all(
      optString(generateName, path.child('generateName'), (g) =>
        g === '' ? ok : messages(path.child('generateName'), g, scope.nameRule(g, true)),
      ),
      isAbsent(name) || name === ''
        ? hasGenerateName
          ? ok
          : fail(fieldErrors.required(path.child('name'), 'name or generateName is required'))
        : optString(name, path.child('name'), (n) =>
            messages(path.child('name'), n, scope.nameRule(n, false)),
          ),
      validateNamespaceScope(meta.namespace, scope.namespaced, path.child('namespace')),
      optInt64(meta.generation, path.child('generation'), (g) => nonNegative(path.child('generation'), g)),
      validateLabels(meta.labels, path.child('labels')),
      validateAnnotations(meta.annotations, path.child('annotations')),
      validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')),
      validateFinalizers(meta.finalizers, path.child('finalizers')),
      validateMetaShapes(meta, path),
    );
  });
}

function validateNamespaceScope(ns: unknown, namespaced: boolean, path: FieldPath): Check {
  if (namespaced) {
    if (isAbsent(ns) || ns === '') return fail(fieldErrors.required(path));
    return optString(ns, path, (s) => messages(path, s, nameIsDNSLabel(s, false)));
  }
  return isAbsent(ns) || ns === '' ? ok : fail(fieldErrors.forbidden(path, 'not allowed on this type'));
}

function immutable(newVal: unknown, oldVal: unknown, path: FieldPath): Check {
  return deepEqual(newVal ?? '', oldVal ?? '')
    ? ok
    : fail(fieldErrors.invalid(path, newVal, 'field is immutable'));
}

/** Metadata rules on update: identity and timestamps are fixed, finalizers frozen once deletion started. */
export function validateObjectMetaUpdate(metadata: unknown, oldMetadata: unknown, path: FieldPath): Check {
  return optRecord(metadata, path, (meta) => {
    const old = isRecord(oldMetadata) ? oldMetadata : {};
    const oldGeneration = typeof old.generation === 'number' ? old.generation : 0;
    const generation = typeof meta.generation === 'number' ? meta.generation : 0;
    const oldFinalizers = Array.isArray(old.finalizers) ? old.finalizers : [];
    const newFinalizers = Array.isArray(meta.finalizers) ? meta.finalizers : [];
    const added = newFinalizers.filter((f) => !oldFinalizers.includes(f));
    return all(
      old.deletionTimestamp && added.length
        ? fail(
            fieldErrors.forbidden(
              path.child('finalizers'),
              `no new finalizers can be added if the object is being deleted, found new finalizers ${goValue(
                [...new Set(added.map(String))].sort(),
              )}`,
            ),
          )
        : ok,
      generation < oldGeneration
        ? fail(fieldErrors.invalid(path.child('generation'), generation, 'must not be decremented'))
        : ok,
      immutable(meta.name, old.name, path.child('name')),
      immutable(meta.namespace, old.namespace, path.child('namespace')),
      immutable(meta.uid, old.uid, path.child('uid')),
      immutable(meta.creationTimestamp, old.creationTimestamp, path.child('creationTimestamp')),
      validateLabels(meta.labels, path.child('labels')),
      validateAnnotations(meta.annotations, path.child('annotations')),
      validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')),
      validateFinalizers(meta.finalizers, path.child('finalizers')),
      validateMetaShapes(meta, path),
    );
  });
}
