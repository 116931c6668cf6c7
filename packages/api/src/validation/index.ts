// validateCreate / validateUpdate: the per-kind rule table and the one 422 Invalid Status that carries every
// cause, as the API server reports them. Never throws, whatever JSON it is given.
import * as E from 'fp-ts/Either';
import { isRecord, type JsonRecord } from '../json.js';
import { apiVersionOf, kindInfo } from '../kinds.js';
import type { KubeObject } from '../meta.js';
import { type Status, type StatusCause, statusErrors } from '../status.js';
import {
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateDaemonSet,
  validateDaemonSetUpdate,
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './apps.js';
import { all, type Check, ok } from './check.js';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateEndpoints,
  validateEvent,
  validateLease,
  validateNamespace,
  validateNode,
  validatePod,
  validatePodUpdate,
  validateService,
  validateServiceUpdate,
} from './core.js';
import { toCause } from './field-error.js';
import { type NameRule, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from './formats.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { FieldPath } from './path.js';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from './storage.js';

interface KindRules {
  name: NameRule;
  validate: (obj: JsonRecord) => Check;
  validateUpdate?: (obj: JsonRecord, old: JsonRecord) => Check;
}

const RULES: Record<string, KindRules> = {
  Namespace: { name: nameIsDNSLabel, validate: validateNamespace },
  Pod: { name: nameIsDNSSubdomain, validate: validatePod, validateUpdate: validatePodUpdate },
  Node: { name: nameIsDNSSubdomain, validate: validateNode },
  Service: { name: nameIsDNS1035Label, validate: validateService, validateUpdate: validateServiceUpdate },
  Endpoints: { name: nameIsDNSSubdomain, validate: validateEndpoints },
  PersistentVolume: {
    name: nameIsDNSSubdomain,
    validate: validatePersistentVolume,
    validateUpdate: validatePersistentVolumeUpdate,
  },
  PersistentVolumeClaim: {
    name: nameIsDNSSubdomain,
    validate: validatePersistentVolumeClaim,
    validateUpdate: validatePersistentVolumeClaimUpdate,
  },
  ConfigMap: {
    name: nameIsDNSSubdomain,
    validate: validateConfigMap,
    validateUpdate: validateConfigMapUpdate,
  },
  Event: { name: nameIsDNSSubdomain, validate: validateEvent },
  Deployment: {
    name: nameIsDNSSubdomain,
    validate: validateDeployment,
    validateUpdate: validateDeploymentUpdate,
  },
  ReplicaSet: {
    name: nameIsDNSSubdomain,
    validate: validateReplicaSet,
    validateUpdate: validateReplicaSetUpdate,
  },
  // StatefulSet names are DNS labels since their pods' names and hostnames derive from them.
  StatefulSet: {
    name: nameIsDNSLabel,
    validate: validateStatefulSet,
    validateUpdate: validateStatefulSetUpdate,
  },
  DaemonSet: {
    name: nameIsDNSSubdomain,
    validate: validateDaemonSet,
    validateUpdate: validateDaemonSetUpdate,
  },
  ControllerRevision: {
    name: nameIsDNSSubdomain,
    validate: validateControllerRevision,
    validateUpdate: validateControllerRevisionUpdate,
  },
  StorageClass: {
    name: nameIsDNSSubdomain,
    validate: validateStorageClass,
    validateUpdate: validateStorageClassUpdate,
  },
  Lease: { name: nameIsDNSSubdomain, validate: validateLease },
};

const metadataPath = FieldPath.root('metadata');

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 256 ? `${text.slice(0, 256)}...` : text;
  } catch {
    return String(value);
  }
}

/** The type-level checks a decoder would make: an object with a registered kind at the right apiVersion. */
function identify(
  obj: unknown,
): E.Either<Status, { obj: JsonRecord; rules: KindRules; group: string; name: string }> {
  if (!isRecord(obj) || typeof obj.kind !== 'string' || obj.kind === '') {
    return E.left(statusErrors.badRequest(`Object 'Kind' is missing in '${describe(obj)}'`));
  }
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
    return E.left(statusErrors.badRequest(`Object 'apiVersion' is missing in '${describe(obj)}'`));
  }
  const info = kindInfo(obj.kind);
  const rules = RULES[obj.kind];
  if (!info || !rules || apiVersionOf(info) !== obj.apiVersion) {
    return E.left(
      statusErrors.badRequest(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`),
    );
  }
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name =
    typeof meta.name === 'string' && meta.name
      ? meta.name
      : typeof meta.generateName === 'string'
        ? meta.generateName
        : '';
  return E.right({ obj, rules, group: info.group, name });
}

/** Kubernetes deduplicates identical messages when it aggregates field errors. */
function toInvalid(kind: string, group: string, name: string, check: Check): E.Either<Status, void> {
  if (E.isRight(check)) return check;
  const seen = new Set<string>();
  const causes: StatusCause[] = [];
  for (const cause of check.left.map(toCause)) {
    const id = `${cause.field}: ${cause.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      causes.push(cause);
    }
  }
  return E.left(statusErrors.invalid(kind, group, name, causes));
}

/** The object itself once its checks pass. */
function admitted(obj: KubeObject, verdict: E.Either<Status, void>): E.Either<Status, KubeObject> {
  return E.isLeft(verdict) ? verdict : E.right(obj);
}

function guarded(run: () => E.Either<Status, KubeObject>): E.Either<Status, KubeObject> {
  try {
    return run();
  } catch (err) {
    // A rule that trips over an input shape is a bug in kubesim, but the caller still gets a Status.
    return E.left(statusErrors.internal(err instanceof Error ? err.message : String(err)));
  }
}

/** Validates an object about to be created (after defaulting). Right carries the same object. */
export function validateCreate(obj: KubeObject): E.Either<Status, KubeObject> {
  return guarded(() => {
    const id = identify(obj);
    if (E.isLeft(id)) return id;
    const { rules, group, name } = id.right;
    const info = kindInfo(obj.kind)!;
    const check = all(
      validateObjectMeta(
        id.right.obj.metadata,
        { namespaced: info.namespaced, nameRule: rules.name },
        metadataPath,
      ),
      rules.validate(id.right.obj),
    );
    return admitted(obj, toInvalid(obj.kind, group, name, check));
  });
}

/** Validates a replacement of `old` by `obj`: the object's own rules plus what an update may not change. */
export function validateUpdate(obj: KubeObject, old: KubeObject): E.Either<Status, KubeObject> {
  return guarded(() => {
    const id = identify(obj);
    if (E.isLeft(id)) return id;
    const { rules, group, name } = id.right;
    const previous: JsonRecord = isRecord(old) ? old : {};
    if (previous.kind !== undefined && previous.kind !== obj.kind) {
      return E.left(
        statusErrors.badRequest(`kind may not be changed from "${String(previous.kind)}" to "${obj.kind}"`),
      );
    }
    const check = all(
      validateObjectMetaUpdate(id.right.obj.metadata ?? {}, previous.metadata, metadataPath),
      rules.validate(id.right.obj),
      rules.validateUpdate ? rules.validateUpdate(id.right.obj, previous) : ok,
    );
    return admitted(obj, toInvalid(obj.kind, group, name, check));
  });
}
