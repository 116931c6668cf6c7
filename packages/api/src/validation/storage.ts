// Storage rules: PersistentVolume, PersistentVolumeClaim (core/v1) and StorageClass (storage.k8s.io/v1).
import { deepEqual, isRecord, type JsonRecord } from '../json.js';
import {
  all,
  type Check,
  each,
  fail,
  isAbsent,
  messages,
  ok,
  oneOf,
  optArray,
  optRecord,
  optString,
  optStringMap,
} from './check.js';
import { fieldErrors } from './field-error.js';
import { isDNS1123Subdomain, isQualifiedName } from './formats.js';
import { validateLabelSelector } from './label-selector.js';
import { FieldPath } from './path.js';
import { validateResourceList } from './resources.js';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_SOURCES = [
  'hostPath',
  'local',
  'nfs',
  'csi',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'iscsi',
  'glusterfs',
  'rbd',
  'cinder',
  'cephfs',
  'fc',
  'flocker',
  'flexVolume',
  'azureFile',
  'azureDisk',
  'vsphereVolume',
  'quobyte',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

function validateAccessModes(modes: unknown, path: FieldPath, requiredDetail: string): Check {
  if (isAbsent(modes) || (Array.isArray(modes) && modes.length === 0)) {
    return fail(fieldErrors.required(path, requiredDetail));
  }
  return optArray(modes, path, (list) => each(list, (m) => oneOf(m, path, ACCESS_MODES)));
}

function storageClassName(v: unknown, path: FieldPath): Check {
  return optString(v, path, (n) => (n === '' ? ok : messages(path, n, isDNS1123Subdomain(n))));
}

export function validatePersistentVolumeClaimSpec(s: unknown, path: FieldPath): Check {
  if (isAbsent(s))
    return fail(fieldErrors.required(path.child('accessModes'), 'at least 1 access mode is required'));
  return optRecord(s, path, (pvc) => {
    const resources = isRecord(pvc.resources) ? pvc.resources : {};
    const requests = validateResourceList(resources.requests, path.child('resources').child('requests'));
    const storage = requests.parsed.get('storage');
    const hasStorage = isRecord(resources.requests) && Object.hasOwn(resources.requests, 'storage');
    return all(
      validateAccessModes(pvc.accessModes, path.child('accessModes'), 'at least 1 access mode is required'),
      validateLabelSelector(pvc.selector, path.child('selector')),
      optRecord(pvc.resources, path.child('resources')),
      requests.check,
      validateResourceList(resources.limits, path.child('resources').child('limits')).check,
      !hasStorage
        ? fail(fieldErrors.required(path.child('resources').key('storage')))
        : storage && storage.sign() <= 0
          ? fail(
              fieldErrors.invalid(
                path.child('resources').key('storage'),
                storage.toString(),
                'must be greater than zero',
              ),
            )
          : ok,
      storageClassName(pvc.storageClassName, path.child('storageClassName')),
      oneOf(pvc.volumeMode, path.child('volumeMode'), VOLUME_MODES),
      optString(pvc.volumeName, path.child('volumeName')),
    );
  });
}

export function validatePersistentVolumeClaim(obj: JsonRecord): Check {
  return validatePersistentVolumeClaimSpec(obj.spec, FieldPath.root('spec'));
}

/** A claim's spec is fixed once created, except growing requests and binding (setting volumeName once). */
export function validatePersistentVolumeClaimUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const oldSpec = isRecord(old.spec) ? old.spec : {};
  const comparable = (s: unknown) => {
    if (!isRecord(s)) return s;
    const { resources, volumeName, storageClassName, ...rest } = s;
    return {
      ...rest,
      // Binding sets volumeName once; a class may be assigned retroactively to a claim that had none.
      volumeName: oldSpec.volumeName ? volumeName : undefined,
      storageClassName: isAbsent(oldSpec.storageClassName) ? undefined : storageClassName,
      // Requests may change (volume expansion); nothing else in resources may.
      resources: isRecord(resources) ? { ...resources, requests: undefined } : resources,
    };
  };
  return deepEqual(comparable(obj.spec), comparable(old.spec))
    ? ok
    : fail(
        fieldErrors.forbidden(
          FieldPath.root('spec'),
          'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
        ),
      );
}

export function validatePersistentVolume(obj: JsonRecord): Check {
  const path = FieldPath.root('spec');
  if (isAbsent(obj.spec)) return fail(fieldErrors.required(path.child('capacity')));
  return optRecord(obj.spec, path, (pv) => {
    const capacity = validateResourceList(pv.capacity, path.child('capacity'));
    const capacityKeys = isRecord(pv.capacity) ? Object.keys(pv.capacity) : [];
    const sources = PV_SOURCES.filter((s) => !isAbsent(pv[s]));
    return all(
      capacityKeys.length === 0
        ? fail(fieldErrors.required(path.child('capacity')))
        : capacityKeys.length > 1 || !capacityKeys.includes('storage')
          ? fail(fieldErrors.notSupported(path.child('capacity'), pv.capacity, ['storage']))
          : capacity.check,
      validateAccessModes(pv.accessModes, path.child('accessModes'), ''),
      oneOf(pv.persistentVolumeReclaimPolicy, path.child('persistentVolumeReclaimPolicy'), [
        'Delete',
        'Recycle',
        'Retain',
      ]),
      storageClassName(pv.storageClassName, path.child('storageClassName')),
      oneOf(pv.volumeMode, path.child('volumeMode'), VOLUME_MODES),
      optRecord(pv.claimRef, path.child('claimRef')),
      optRecord(pv.nodeAffinity, path.child('nodeAffinity')),
      sources.length === 0
        ? fail(fieldErrors.required(path, 'must specify a volume type'))
        : each(sources.slice(1), (s) =>
            fail(fieldErrors.forbidden(path.child(s), 'may not specify more than 1 volume type')),
          ),
      optRecord(pv.hostPath, path.child('hostPath'), (hp) =>
        isAbsent(hp.path) || hp.path === ''
          ? fail(fieldErrors.required(path.child('hostPath').child('path')))
          : ok,
      ),
    );
  });
}

export function validatePersistentVolumeUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const sourceOf = (s: unknown) =>
    isRecord(s) ? Object.fromEntries(PV_SOURCES.filter((k) => !isAbsent(s[k])).map((k) => [k, s[k]])) : {};
  return deepEqual(sourceOf(obj.spec), sourceOf(old.spec))
    ? ok
    : fail(
        fieldErrors.forbidden(
          FieldPath.root('spec').child('persistentvolumesource'),
          'spec.persistentvolumesource is immutable after creation',
        ),
      );
}

export function validateStorageClass(obj: JsonRecord): Check {
  const provisioner = FieldPath.root('provisioner');
  return all(
    isAbsent(obj.provisioner) || obj.provisioner === ''
      ? fail(fieldErrors.required(provisioner))
      : optString(obj.provisioner, provisioner, (p) =>
          messages(provisioner, p.toLowerCase(), isQualifiedName(p.toLowerCase())),
        ),
    optStringMap(obj.parameters, FieldPath.root('parameters'), (params) =>
      Object.keys(params).length > 512
        ? fail(fieldErrors.tooLong(FieldPath.root('parameters'), 512))
        : each(Object.keys(params), (k) =>
            k === ''
              ? fail(fieldErrors.invalid(FieldPath.root('parameters'), k, 'field can not be empty.'))
              : ok,
          ),
    ),
    oneOf(obj.reclaimPolicy, FieldPath.root('reclaimPolicy'), ['Delete', 'Retain']),
    oneOf(obj.volumeBindingMode, FieldPath.root('volumeBindingMode'), ['Immediate', 'WaitForFirstConsumer']),
    optArray(obj.mountOptions, FieldPath.root('mountOptions')),
  );
}

export function validateStorageClassUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const forbidden = (field: string) =>
    deepEqual(obj[field], old[field])
      ? ok
      : fail(fieldErrors.forbidden(FieldPath.root(field), `updates to ${field} are forbidden.`));
  return all(
    forbidden('parameters'),
    forbidden('provisioner'),
    forbidden('reclaimPolicy'),
    deepEqual(obj.volumeBindingMode, old.volumeBindingMode)
      ? ok
      : fail(
          fieldErrors.invalid(
            FieldPath.root('volumeBindingMode'),
            obj.volumeBindingMode,
            'field is immutable',
          ),
        ),
  );
}
