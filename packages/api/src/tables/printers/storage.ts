// Printers of PersistentVolumes, PersistentVolumeClaims and StorageClasses.

import * as E from 'fp-ts/Either';
import type { KubeObject } from '../../meta.js';
import { parseQuantity } from '../../quantity.js';
import { since } from '../duration.js';
import { accessModes } from '../format.js';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter, wide } from '../printer.js';

/** The deprecated beta annotation still wins over spec.storageClassName, as in the API server's helpers. */
const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

const storageClassOf = (obj: KubeObject): string =>
  obj.metadata.annotations?.[BETA_STORAGE_CLASS] ?? obj.spec?.storageClassName ?? '';

/** Quantity.String(): the canonical text (1024Mi prints as 1Gi), "0" for a missing quantity. */
function quantity(q: unknown): string {
  if (q === undefined || q === null) return '0';
  const parsed = parseQuantity(String(q));
  return E.isRight(parsed) ? parsed.right.toString() : String(q);
}

const phaseOf = (obj: KubeObject): string =>
  obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? '');

const VOLUME_ATTRIBUTES_CLASS = (what: string) =>
  column('VolumeAttributesClass', 'string', `VolumeAttributesClass of the ${what}.`);
const VOLUME_MODE = wide('VolumeMode', 'string', 'Filesystem or Block.');

export const persistentVolumePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Capacity', 'string', 'Storage capacity of the volume.'),
    column('Access Modes', 'string', 'Ways the volume can be mounted: RWO, ROX, RWX, RWOP.'),
    column('Reclaim Policy', 'string', 'What happens to the volume when its claim is released.'),
    column('Status', 'string', 'Phase of the volume.'),
    column('Claim', 'string', 'The claim bound to the volume, as namespace/name.'),
    column('StorageClass', 'string', 'StorageClass of the pv.'),
    VOLUME_ATTRIBUTES_CLASS('pv'),
    column('Reason', 'string', 'Reason for a failed volume.'),
    AGE_COLUMN,
    VOLUME_MODE,
  ],
  cells(pv, now) {
    const claim = pv.spec?.claimRef;
    return [
      pv.metadata.name ?? '',
      quantity(pv.spec?.capacity?.storage),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      phaseOf(pv),
      claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : '',
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      since(pv.metadata.creationTimestamp, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Phase of the claim.'),
    column('Volume', 'string', 'Name of the bound volume.'),
    column('Capacity', 'string', 'Capacity of the bound volume.'),
    column('Access Modes', 'string', 'Access modes of the bound volume: RWO, ROX, RWX, RWOP.'),
    column('StorageClass', 'string', 'StorageClass of the pvc.'),
    VOLUME_ATTRIBUTES_CLASS('pvc'),
    AGE_COLUMN,
    VOLUME_MODE,
  ],
  cells(pvc, now) {
    const volumeName: string = pvc.spec?.volumeName ?? '';
    // Capacity and access modes describe the bound volume, so they stay empty until the claim is bound.
    const bound = volumeName !== '';
    return [
      pvc.metadata.name ?? '',
      phaseOf(pvc),
      volumeName,
      bound ? quantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      since(pvc.metadata.creationTimestamp, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const storageClassPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Provisioner', 'string', 'Volume plugin that provisions volumes of the class.'),
    column('ReclaimPolicy', 'string', 'Reclaim policy of provisioned volumes.'),
    column('VolumeBindingMode', 'string', 'When volumes are bound and provisioned.'),
    column('AllowVolumeExpansion', 'string', 'Whether claims of the class may grow.'),
    AGE_COLUMN,
  ],
  cells(sc, now) {
    const isDefault = DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true');
    return [
      `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      since(sc.metadata.creationTimestamp, now),
    ];
  },
};
