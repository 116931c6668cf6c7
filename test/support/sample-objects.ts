// A valid, minimal manifest of every kind kubesim serves, for suites that need one of each (the API fuzz seeds
// its mutations from these). A kind added to the registry without a sample here makes those suites fail.
import { apiVersionOf, type KindInfo, type KubeObject } from '@kubesim/api';

const podSpec = (image = 'nginx:1.9.1') => ({
  containers: [{ name: 'main', image, ports: [{ containerPort: 80 }] }],
});

const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: podSpec() });

const SPECS: Record<string, (name: string) => Record<string, unknown>> = {
  Namespace: () => ({}),
  Pod: () => ({ spec: podSpec() }),
  Node: () => ({ spec: { podCIDR: '10.244.9.0/24' } }),
  Service: (name) => ({ spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }] } }),
  Endpoints: () => ({ subsets: [{ addresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }] }] }),
  PersistentVolume: () => ({
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/pv' } },
  }),
  PersistentVolumeClaim: () => ({
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  }),
  ConfigMap: () => ({ data: { 'master.cnf': '[mysqld]\nlog-bin\n' } }),
  Event: (name) => ({
    involvedObject: { kind: 'Pod', name, namespace: 'default' },
    reason: 'Scheduled',
    message: 'Successfully assigned',
    type: 'Normal',
    source: { component: 'default-scheduler' },
  }),
  Deployment: (name) => ({
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: template({ app: name }) },
  }),
  ReplicaSet: (name) => ({
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: template({ app: name }) },
  }),
  StatefulSet: (name) => ({
    spec: {
      serviceName: name,
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: template({ app: name }),
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  }),
  DaemonSet: (name) => ({
    spec: { selector: { matchLabels: { app: name } }, template: template({ app: name }) },
  }),
  ControllerRevision: () => ({ data: { spec: { template: { $patch: 'replace' } } }, revision: 1 }),
  StorageClass: () => ({ provisioner: 'kubesim.io/hostpath', reclaimPolicy: 'Delete' }),
  Lease: (name) => ({ spec: { holderIdentity: name, leaseDurationSeconds: 15 } }),
};

/** A valid object of `info`'s kind named `name` (in `namespace` when the kind is namespaced). */
export function sampleObject(info: KindInfo, name: string, namespace: string): KubeObject {
  const spec = SPECS[info.kind];
  if (!spec)
    throw new Error(`no sample manifest for kind ${info.kind}: add one to test/support/sample-objects.ts`);
  return {
    apiVersion: apiVersionOf(info),
    kind: info.kind,
    metadata: { name, ...(info.namespaced ? { namespace } : {}), labels: { fuzz: 'target' } },
    ...spec(name),
  } as KubeObject;
}
