// Schema of storage.k8s.io/v1 StorageClass.
import { TYPE_META } from './meta.js';
import type { GroupDefinitions } from './registry.js';

export const STORAGE: GroupDefinitions = {
  package: 'io.k8s.api.storage.v1',
  definitions: {
    StorageClass: [
      'A class of storage that PersistentVolumes can be dynamically provisioned from.',
      {
        ...TYPE_META,
        provisioner: 'string! | Name of the volume provisioner.',
        parameters: '{}string | Parameters for the provisioner.',
        reclaimPolicy: 'string | Delete or Retain for provisioned volumes. Default Delete.',
        mountOptions: '[]string | Mount options of provisioned volumes.',
        allowVolumeExpansion: 'boolean | Whether claims of the class may grow.',
        volumeBindingMode: 'string | Immediate or WaitForFirstConsumer. Default Immediate.',
        allowedTopologies: '[]TopologySelectorTerm | Topologies volumes may be provisioned in.',
      },
    ],
    TopologySelectorTerm: [
      'A topology selector term; its requirements are ANDed.',
      { matchLabelExpressions: '[]TopologySelectorLabelRequirement | Label requirements.' },
    ],
    TopologySelectorLabelRequirement: [
      'A topology label and its allowed values.',
      { key: 'string! | Label key.', values: '[]string! | Allowed values.' },
    ],
  },
};
