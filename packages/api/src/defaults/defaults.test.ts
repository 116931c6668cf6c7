import assert from 'node:assert/strict';
import type { KubeObject } from '../meta.js';
import { controllerRevisionData } from '../revision.js';
import { defaultPullPolicy } from './image.js';
import { applyDefaults as applyDefaultsTo } from './index.js';

/** Tests read defaulted fields freely, so they see results as plain KubeObjects. */
const applyDefaults = (obj: KubeObject): KubeObject => applyDefaultsTo(obj);

const container = { name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] };
const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [container] } };

/** What core/v1 defaulting adds to the template above, as a real API server returns it. */
const defaultedTemplate = {
  metadata: { labels: { app: 'nginx' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.14.2',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        resources: {},
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  },
};

const meta = { name: 'nginx', namespace: 'default' };
const selector = { matchLabels: { app: 'nginx' } };

describe('applyDefaults', () => {
  it('defaults a Deployment like apps/v1 does', () => {
    const d = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { selector, template },
    });
    assert.deepEqual(d.spec, {
      replicas: 1,
      selector,
      template: defaultedTemplate,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it('keeps what the user set, and gives Recreate no rollingUpdate', () => {
    const d = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { replicas: 0, selector, template, strategy: { type: 'Recreate' }, revisionHistoryLimit: 2 },
    });
    assert.equal(d.spec.replicas, 0);
    assert.deepEqual(d.spec.strategy, { type: 'Recreate' });
    assert.equal(d.spec.revisionHistoryLimit, 2);
    const partial = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { selector, template, strategy: { rollingUpdate: { maxSurge: 0 } } },
    });
    assert.deepEqual(partial.spec.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 0, maxUnavailable: '25%' },
    });
  });

  it('defaults a ReplicaSet and does not derive selector or labels from the template', () => {
    const rs = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta,
      spec: { template },
    });
    assert.deepEqual(rs.spec, { replicas: 1, template: defaultedTemplate });
    assert.equal(rs.metadata.labels, undefined);
  });

  it('defaults a StatefulSet', () => {
    const sts = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta,
      spec: {
        selector,
        serviceName: 'nginx',
        template,
        volumeClaimTemplates: [
          {
            metadata: { name: 'www' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    });
    assert.deepEqual(sts.spec, {
      selector,
      serviceName: 'nginx',
      template: defaultedTemplate,
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
            volumeMode: 'Filesystem',
          },
          status: { phase: 'Pending' },
        },
      ],
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
  });

  it('gives an explicit StatefulSet RollingUpdate without rollingUpdate no partition (as Go does)', () => {
    const sts = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta,
      spec: { selector, template, updateStrategy: { type: 'RollingUpdate' } },
    });
    assert.deepEqual(sts.spec.updateStrategy, { type: 'RollingUpdate' });
    const onDelete = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta,
      spec: { selector, template, updateStrategy: { type: 'OnDelete' } },
    });
    assert.deepEqual(onDelete.spec.updateStrategy, { type: 'OnDelete' });
  });

  it('defaults a DaemonSet with integer maxUnavailable 1 and maxSurge 0', () => {
    const ds = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta,
      spec: { selector, template },
    });
    assert.deepEqual(ds.spec, {
      selector,
      template: defaultedTemplate,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });

  it('produces the exact ControllerRevision bytes kubectl compares (kubectl-wire §8.5)', () => {
    const ds = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'x', namespace: 'default' },
      spec: {
        selector: { matchLabels: { name: 'x' } },
        template: {
          metadata: { labels: { name: 'x' } },
          spec: { containers: [{ name: 'x', image: 'nginx:1.14.2' }] },
        },
      },
    });
    assert.equal(
      controllerRevisionData(ds.spec.template),
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"name":"x"}},' +
        '"spec":{"containers":[{"image":"nginx:1.14.2","imagePullPolicy":"IfNotPresent","name":"x","resources":{},' +
        '"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],' +
        '"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler",' +
        '"securityContext":{},"terminationGracePeriodSeconds":30}}}}',
    );
  });

  it('defaults a Pod: spec, enableServiceLinks, requests from limits, Pending phase', () => {
    const pod = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta,
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            resources: { limits: { cpu: '500m', memory: '64Mi' }, requests: { cpu: '100m' } },
          },
        ],
      },
    });
    assert.deepEqual(pod.spec.containers[0].resources, {
      limits: { cpu: '500m', memory: '64Mi' },
      requests: { cpu: '100m', memory: '64Mi' },
    });
    assert.equal(pod.spec.containers[0].imagePullPolicy, 'Always');
    assert.equal(pod.spec.enableServiceLinks, true);
    assert.equal(pod.spec.restartPolicy, 'Always');
    assert.deepEqual(pod.status, { phase: 'Pending' });
  });

  it('defaults probes, volumes, env field refs and host-network ports', () => {
    const pod = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta,
      spec: {
        hostNetwork: true,
        volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }],
        containers: [
          {
            name: 'c',
            image: 'nginx:1.14.2',
            ports: [{ containerPort: 8080 }],
            readinessProbe: { httpGet: { port: 80 } },
            livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
        ],
      },
    });
    const c = pod.spec.containers[0];
    assert.deepEqual(c.readinessProbe, {
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    assert.equal(c.livenessProbe.periodSeconds, 5);
    assert.deepEqual(c.ports, [{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }]);
    assert.deepEqual(c.env[0].valueFrom.fieldRef, { fieldPath: 'spec.nodeName', apiVersion: 'v1' });
    assert.deepEqual(pod.spec.volumes, [
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
    ]);
  });

  it('chooses the pull policy by tag (SetDefaults_Container)', () => {
    const cases: [string, string][] = [
      ['nginx', 'Always'],
      ['nginx:latest', 'Always'],
      ['nginx:1.14.2', 'IfNotPresent'],
      ['library/nginx', 'Always'],
      ['registry:5000/nginx', 'Always'],
      ['registry:5000/nginx:1.2', 'IfNotPresent'],
      ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
      ['nginx:latest@sha256:0123456789abcdef', 'Always'],
      ['', 'Always'],
    ];
    for (const [image, policy] of cases) assert.equal(defaultPullPolicy(image), policy, image);
  });

  it('defaults a Service: ClusterIP, None affinity, TCP, targetPort = port', () => {
    const svc = applyDefaults({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: {
        selector: { app: 'nginx' },
        ports: [{ port: 80 }, { name: 'named', port: 8080, targetPort: 'http' }],
      },
    });
    assert.deepEqual(svc.spec, {
      selector: { app: 'nginx' },
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'named', port: 8080, targetPort: 'http', protocol: 'TCP' },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
    const lb = applyDefaults({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },
    });
    assert.equal(lb.spec.externalTrafficPolicy, 'Cluster');
    assert.equal(lb.spec.allocateLoadBalancerNodePorts, true);
    assert.deepEqual(lb.spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  });

  it('defaults storage kinds', () => {
    const pvc = applyDefaults({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta,
      spec: { accessModes: ['ReadWriteOnce'] },
    });
    assert.equal(pvc.spec.volumeMode, 'Filesystem');
    assert.deepEqual(pvc.status, { phase: 'Pending' });
    const pv = applyDefaults({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1' },
      spec: { hostPath: { path: '/x' } },
    });
    assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Retain');
    assert.equal(pv.spec.volumeMode, 'Filesystem');
    assert.deepEqual(pv.status, { phase: 'Pending' });
    const sc = applyDefaults({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'std' },
      provisioner: 'x',
    });
    assert.equal(sc.reclaimPolicy, 'Delete');
    assert.equal(sc.volumeBindingMode, 'Immediate');
  });

  it('defaults Namespace phase and name label, Node allocatable, Endpoints protocol', () => {
    const ns = applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': 'team-a' });
    assert.deepEqual(ns.status, { phase: 'Active' });
    const node = applyDefaults({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
      status: { capacity: { cpu: '4', pods: '110' } },
    });
    assert.deepEqual(node.status.allocatable, { cpu: '4', pods: '110' });
    const ep = applyDefaults({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta,
      subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }],
    } as KubeObject);
    assert.deepEqual((ep.subsets as { ports: unknown[] }[])[0].ports, [{ port: 80, protocol: 'TCP' }]);
  });

  it('never mutates its input and is idempotent', () => {
    const inputs: KubeObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { selector, template } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta, spec: { selector, template } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta, spec: { selector, template } },
      { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: template.spec },
      { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: 'b' } },
    ];
    for (const input of inputs) {
      const frozen = JSON.stringify(input);
      const once = applyDefaults(input);
      assert.equal(JSON.stringify(input), frozen, `${input.kind} input untouched`);
      assert.notEqual(once, input);
      assert.deepEqual(applyDefaults(once), once, `${input.kind} idempotent`);
    }
  });

  it('leaves malformed fields for validation instead of failing', () => {
    const odd = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: 'nope' });
    assert.equal(odd.spec, 'nope');
    const oddTemplate = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { template: { spec: { containers: 'x' } }, strategy: 7 },
    });
    assert.equal(oddTemplate.spec.template.spec.containers, 'x');
    assert.equal(oddTemplate.spec.strategy, 7);
  });
});
