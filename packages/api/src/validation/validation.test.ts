import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import { deepCopy } from '../json.js';
import type { KubeObject } from '../meta.js';
import type { Status, StatusCause } from '../status.js';
import { validateCreate, validateUpdate } from './index.js';
import { FIXTURE_KINDS, validObject } from './test-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary fields
type Mutation = (o: any) => void;

function mutated(kind: string, change: Mutation): KubeObject {
  const o = validObject(kind);
  change(o);
  return o;
}

function failure(result: E.Either<Status, KubeObject>): Status {
  if (E.isRight(result)) assert.fail('expected a failure');
  return result.left;
}

function causesOf(result: E.Either<Status, KubeObject>): StatusCause[] {
  const s = failure(result);
  assert.equal(s.code, 422, s.message);
  assert.equal(s.reason, 'Invalid');
  return s.details?.causes ?? [];
}

interface Case {
  name: string;
  kind: string;
  change: Mutation;
  /** Every cause, in order: [field, reason, message?]. */
  causes: [string, string, string?][];
}

const containers = 'spec.template.spec.containers';

const createCases: Case[] = [
  // ObjectMeta
  {
    name: 'invalid name',
    kind: 'Deployment',
    change: (o) => {
      o.metadata.name = 'Nginx';
    },
    causes: [
      [
        'metadata.name',
        'FieldValueInvalid',
        `Invalid value: "Nginx": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
  },
  {
    name: 'neither name nor generateName',
    kind: 'Pod',
    change: (o) => {
      delete o.metadata.name;
    },
    causes: [['metadata.name', 'FieldValueRequired', 'Required value: name or generateName is required']],
  },
  {
    name: 'invalid generateName',
    kind: 'Pod',
    change: (o) => {
      delete o.metadata.name;
      o.metadata.generateName = 'Web-';
    },
    causes: [['metadata.generateName', 'FieldValueInvalid']],
  },
  {
    name: 'namespace missing on a namespaced kind',
    kind: 'Deployment',
    change: (o) => {
      delete o.metadata.namespace;
    },
    causes: [['metadata.namespace', 'FieldValueRequired', 'Required value']],
  },
  {
    name: 'namespace on a cluster-scoped kind',
    kind: 'Node',
    change: (o) => {
      o.metadata.namespace = 'default';
    },
    causes: [['metadata.namespace', 'FieldValueForbidden', 'Forbidden: not allowed on this type']],
  },
  {
    name: 'invalid namespace name',
    kind: 'ConfigMap',
    change: (o) => {
      o.metadata.namespace = 'a.b';
    },
    causes: [['metadata.namespace', 'FieldValueInvalid', 'Invalid value: "a.b": must not contain dots']],
  },
  {
    name: 'invalid label key and value',
    kind: 'Pod',
    change: (o) => {
      o.metadata.labels = { 'bad key': 'ok', good: 'bad value' };
    },
    causes: [
      ['metadata.labels', 'FieldValueInvalid'],
      ['metadata.labels', 'FieldValueInvalid'],
    ],
  },
  {
    name: 'annotations over 256 KiB',
    kind: 'ConfigMap',
    change: (o) => {
      o.metadata.annotations = { big: 'x'.repeat(256 * 1024) };
    },
    causes: [['metadata.annotations', 'FieldValueTooLong', 'Too long: must have at most 262144 bytes']],
  },
  {
    name: 'invalid annotation key',
    kind: 'ConfigMap',
    change: (o) => {
      o.metadata.annotations = { 'a/b/c': 'x' };
    },
    causes: [['metadata.annotations', 'FieldValueInvalid']],
  },
  {
    name: 'two controller references',
    kind: 'Pod',
    change: (o) => {
      const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: 'u', controller: true };
      o.metadata.ownerReferences = [
        { ...ref, name: 'a' },
        { ...ref, name: 'b' },
      ];
    },
    causes: [['metadata.ownerReferences', 'FieldValueInvalid']],
  },
  {
    name: 'owner reference without uid',
    kind: 'Pod',
    change: (o) => {
      o.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a' }];
    },
    causes: [['metadata.ownerReferences.uid', 'FieldValueInvalid', 'Invalid value: "": must not be empty']],
  },
  {
    name: 'conflicting deletion finalizers',
    kind: 'Pod',
    change: (o) => {
      o.metadata.finalizers = ['orphan', 'foregroundDeletion'];
    },
    causes: [['metadata.finalizers', 'FieldValueInvalid']],
  },
  {
    name: 'non-numeric resourceVersion',
    kind: 'Pod',
    change: (o) => {
      o.metadata.resourceVersion = 'abc';
    },
    causes: [
      [
        'metadata.resourceVersion',
        'FieldValueInvalid',
        'Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
      ],
    ],
  },
  // Deployment
  {
    name: 'negative replicas',
    kind: 'Deployment',
    change: (o) => {
      o.spec.replicas = -1;
    },
    causes: [['spec.replicas', 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0']],
  },
  {
    name: 'replicas of the wrong type',
    kind: 'Deployment',
    change: (o) => {
      o.spec.replicas = '3';
    },
    causes: [['spec.replicas', 'FieldValueInvalid', 'Invalid value: "3": must be of type int32']],
  },
  {
    name: 'missing selector',
    kind: 'Deployment',
    change: (o) => {
      delete o.spec.selector;
    },
    causes: [['spec.selector', 'FieldValueRequired', 'Required value']],
  },
  {
    name: 'empty selector',
    kind: 'Deployment',
    change: (o) => {
      o.spec.selector = {};
    },
    causes: [
      [
        'spec.selector',
        'FieldValueInvalid',
        'Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
  },
  {
    name: 'selector does not match template labels',
    kind: 'Deployment',
    change: (o) => {
      o.spec.selector = { matchLabels: { app: 'other' } };
    },
    causes: [
      [
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
      ],
    ],
  },
  {
    name: 'selector expression with a bad operator',
    kind: 'Deployment',
    change: (o) => {
      o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Like', values: ['nginx'] }] };
    },
    causes: [
      [
        'spec.selector.matchExpressions[0].operator',
        'FieldValueInvalid',
        'Invalid value: "Like": not a valid selector operator',
      ],
    ],
  },
  {
    name: 'selector In without values',
    kind: 'ReplicaSet',
    change: (o) => {
      o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] };
    },
    causes: [
      [
        'spec.selector.matchExpressions[0].values',
        'FieldValueRequired',
        "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
  },
  {
    name: 'missing template (judged as an empty one, like Go)',
    kind: 'Deployment',
    change: (o) => {
      delete o.spec.template;
    },
    causes: [
      [
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: map[string]string(nil): `selector` does not match template `labels`',
      ],
      ['spec.template.spec.containers', 'FieldValueRequired'],
    ],
  },
  {
    name: 'no containers',
    kind: 'Deployment',
    change: (o) => {
      o.spec.template.spec.containers = [];
    },
    causes: [[containers, 'FieldValueRequired', 'Required value']],
  },
  {
    name: 'containers of the wrong type',
    kind: 'Deployment',
    change: (o) => {
      o.spec.template.spec.containers = 'nginx';
    },
    causes: [[containers, 'FieldValueInvalid', 'Invalid value: "nginx": must be of type array']],
  },
  {
    name: 'container without name and image',
    kind: 'Deployment',
    change: (o) => {
      o.spec.template.spec.containers = [{}];
    },
    causes: [
      [`${containers}[0].name`, 'FieldValueRequired'],
      [`${containers}[0].image`, 'FieldValueRequired', 'Required value'],
    ],
  },
  {
    name: 'duplicate container names across init and app containers',
    kind: 'Deployment',
    change: (o) => {
      o.spec.template.spec.initContainers = [{ name: 'nginx', image: 'busybox' }];
    },
    causes: [[`${containers}[0].name`, 'FieldValueDuplicate', 'Duplicate value: "nginx"']],
  },
  {
    name: 'duplicate app container names',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers.push({ ...o.spec.containers[0], ports: [] });
    },
    causes: [['spec.containers[1].name', 'FieldValueDuplicate', 'Duplicate value: "nginx"']],
  },
  {
    name: 'container name that is not a DNS label',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].name = 'My_Container';
    },
    causes: [['spec.containers[0].name', 'FieldValueInvalid']],
  },
  {
    name: 'port out of range and bad protocol',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].ports = [{ containerPort: 70000, protocol: 'HTTP' }];
    },
    causes: [
      [
        'spec.containers[0].ports[0].containerPort',
        'FieldValueInvalid',
        'Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
      [
        'spec.containers[0].ports[0].protocol',
        'FieldValueNotSupported',
        'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
  },
  {
    name: 'duplicate and invalid port names',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].ports = [
        { name: 'http', containerPort: 80 },
        { name: 'http', containerPort: 81 },
        { name: 'http_alt', containerPort: 82 },
      ];
    },
    causes: [
      ['spec.containers[0].ports[1].name', 'FieldValueDuplicate', 'Duplicate value: "http"'],
      [
        'spec.containers[0].ports[2].name',
        'FieldValueInvalid',
        'Invalid value: "http_alt": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
  },
  {
    name: 'container port missing',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].ports = [{ name: 'http' }];
    },
    causes: [['spec.containers[0].ports[0].containerPort', 'FieldValueRequired']],
  },
  {
    name: 'workload pods must restart Always',
    kind: 'Deployment',
    change: (o) => {
      o.spec.template.spec.restartPolicy = 'Never';
    },
    causes: [
      [
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "Never": supported values: "Always"',
      ],
    ],
  },
  {
    name: 'activeDeadlineSeconds in a ReplicaSet template',
    kind: 'ReplicaSet',
    change: (o) => {
      o.spec.template.spec.activeDeadlineSeconds = 30;
    },
    causes: [
      [
        'spec.template.spec.activeDeadlineSeconds',
        'FieldValueForbidden',
        'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    ],
  },
  {
    name: 'maxSurge and maxUnavailable both 0',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 0 };
    },
    causes: [
      [
        'spec.strategy.rollingUpdate.maxUnavailable',
        'FieldValueInvalid',
        'Invalid value: 0: may not be 0 when `maxSurge` is 0',
      ],
    ],
  },
  {
    name: '0% and 0 count as zero too',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy.rollingUpdate = { maxSurge: '0%', maxUnavailable: 0 };
    },
    causes: [['spec.strategy.rollingUpdate.maxUnavailable', 'FieldValueInvalid']],
  },
  {
    name: 'malformed percents and negative ints',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy.rollingUpdate = { maxSurge: 'abc', maxUnavailable: -1 };
    },
    causes: [
      [
        'spec.strategy.rollingUpdate.maxUnavailable',
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than or equal to 0',
      ],
      [
        'spec.strategy.rollingUpdate.maxSurge',
        'FieldValueInvalid',
        "Invalid value: abc: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
  },
  {
    name: 'maxUnavailable over 100%',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy.rollingUpdate.maxUnavailable = '110%';
    },
    causes: [
      [
        'spec.strategy.rollingUpdate.maxUnavailable',
        'FieldValueInvalid',
        'Invalid value: 110%: must not be greater than 100%',
      ],
    ],
  },
  {
    name: 'Recreate with rollingUpdate',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy.type = 'Recreate';
    },
    causes: [
      [
        'spec.strategy.rollingUpdate',
        'FieldValueForbidden',
        "Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ],
    ],
  },
  {
    name: 'unknown strategy',
    kind: 'Deployment',
    change: (o) => {
      o.spec.strategy = { type: 'BlueGreen' };
    },
    causes: [
      [
        'spec.strategy.type',
        'FieldValueNotSupported',
        'Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
      ],
    ],
  },
  {
    name: 'progress deadline not above minReadySeconds',
    kind: 'Deployment',
    change: (o) => {
      o.spec.minReadySeconds = 10;
      o.spec.progressDeadlineSeconds = 10;
    },
    causes: [
      [
        'spec.progressDeadlineSeconds',
        'FieldValueInvalid',
        'Invalid value: 10: must be greater than minReadySeconds',
      ],
    ],
  },
  {
    name: 'negative revisionHistoryLimit',
    kind: 'Deployment',
    change: (o) => {
      o.spec.revisionHistoryLimit = -5;
    },
    causes: [
      [
        'spec.revisionHistoryLimit',
        'FieldValueInvalid',
        'Invalid value: -5: must be greater than or equal to 0',
      ],
    ],
  },
  {
    name: 'status counters beyond replicas',
    kind: 'Deployment',
    change: (o) => {
      o.status = { replicas: 2, readyReplicas: 3, availableReplicas: 1, updatedReplicas: -1 };
    },
    causes: [
      [
        'status.updatedReplicas',
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than or equal to 0',
      ],
      [
        'status.readyReplicas',
        'FieldValueInvalid',
        'Invalid value: 3: cannot be greater than status.replicas',
      ],
    ],
  },
  // Pod
  {
    name: 'mount of an unknown volume, missing mount path',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].volumeMounts = [{ name: 'data' }];
    },
    causes: [
      ['spec.containers[0].volumeMounts[0].name', 'FieldValueNotFound', 'Not found: "data"'],
      ['spec.containers[0].volumeMounts[0].mountPath', 'FieldValueRequired'],
    ],
  },
  {
    name: 'duplicate volumes and a claim without a name',
    kind: 'Pod',
    change: (o) => {
      o.spec.volumes = [
        { name: 'data', emptyDir: {} },
        { name: 'data', persistentVolumeClaim: {} },
      ];
    },
    causes: [
      ['spec.volumes[1].persistentVolumeClaim.claimName', 'FieldValueRequired'],
      ['spec.volumes[1].name', 'FieldValueDuplicate', 'Duplicate value: "data"'],
    ],
  },
  {
    name: 'volume with two sources',
    kind: 'Pod',
    change: (o) => {
      o.spec.volumes = [{ name: 'data', emptyDir: {}, hostPath: { path: '/x' } }];
    },
    causes: [
      [
        'spec.volumes[0].emptyDir',
        'FieldValueForbidden',
        'Forbidden: may not specify more than 1 volume type',
      ],
    ],
  },
  {
    name: 'requests above limits and a bad quantity',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].resources = { limits: { cpu: '500m', memory: 'lots' }, requests: { cpu: '1' } };
    },
    causes: [
      [
        'spec.containers[0].resources.limits[memory]',
        'FieldValueInvalid',
        `Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
      [
        'spec.containers[0].resources.requests[cpu]',
        'FieldValueInvalid',
        'Invalid value: "1": must be less than or equal to cpu limit of 500m',
      ],
    ],
  },
  {
    name: 'bad tolerations',
    kind: 'Pod',
    change: (o) => {
      o.spec.tolerations = [
        { key: 'k', operator: 'Exists', value: 'v' },
        { operator: 'Equal', value: 'v' },
        { key: 'k', effect: 'NoSchedule', tolerationSeconds: 30 },
        { key: 'k', operator: 'Maybe' },
      ];
    },
    causes: [
      ['spec.tolerations[0].operator', 'FieldValueInvalid'],
      [
        'spec.tolerations[1].operator',
        'FieldValueInvalid',
        'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
      [
        'spec.tolerations[2].effect',
        'FieldValueInvalid',
        `Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
      ],
      [
        'spec.tolerations[3].operator',
        'FieldValueNotSupported',
        'Unsupported value: "Maybe": supported values: "Equal", "Exists"',
      ],
    ],
  },
  {
    name: 'required node affinity without terms',
    kind: 'Pod',
    change: (o) => {
      o.spec.affinity = {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
      };
    },
    causes: [
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
        'FieldValueRequired',
        'Required value: must have at least one node selector term',
      ],
    ],
  },
  {
    name: 'node affinity expressions and fields',
    kind: 'Pod',
    change: (o) => {
      o.spec.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [{ key: 'disk', operator: 'Gt', values: ['1', '2'] }],
                matchFields: [{ key: 'metadata.labels', operator: 'In', values: ['a'] }],
              },
            ],
          },
        },
      };
    },
    causes: [
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values',
        'FieldValueRequired',
      ],
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key',
        'FieldValueNotSupported',
        'Unsupported value: "metadata.labels": supported values: "metadata.name"',
      ],
    ],
  },
  {
    name: 'probe without handler, liveness successThreshold',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].readinessProbe = { periodSeconds: 5 };
      o.spec.containers[0].livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 };
    },
    causes: [
      [
        'spec.containers[0].readinessProbe',
        'FieldValueRequired',
        'Required value: must specify a handler type',
      ],
      [
        'spec.containers[0].livenessProbe.successThreshold',
        'FieldValueInvalid',
        'Invalid value: 2: must be 1',
      ],
    ],
  },
  {
    name: 'unknown pod phase',
    kind: 'Pod',
    change: (o) => {
      o.status.phase = 'Sleeping';
    },
    causes: [['status.phase', 'FieldValueNotSupported']],
  },
  // Namespace and Node
  {
    name: 'namespace name must be a DNS label',
    kind: 'Namespace',
    change: (o) => {
      o.metadata.name = 'team.a';
    },
    causes: [['metadata.name', 'FieldValueInvalid', 'Invalid value: "team.a": must not contain dots']],
  },
  {
    name: 'taint without effect, duplicate taints',
    kind: 'Node',
    change: (o) => {
      o.spec.taints = [{ key: 'a' }, { key: 'b', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }];
    },
    causes: [
      ['spec.taints[0].effect', 'FieldValueRequired'],
      ['spec.taints[2]', 'FieldValueDuplicate'],
    ],
  },
  // Service and Endpoints
  {
    name: 'service name must be a DNS-1035 label',
    kind: 'Service',
    change: (o) => {
      o.metadata.name = '1nginx';
    },
    causes: [['metadata.name', 'FieldValueInvalid']],
  },
  {
    name: 'service without ports',
    kind: 'Service',
    change: (o) => {
      o.spec.ports = [];
    },
    causes: [['spec.ports', 'FieldValueRequired']],
  },
  {
    name: 'several service ports need names; bad port and target port',
    kind: 'Service',
    change: (o) => {
      o.spec.ports = [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'admin', port: 0, protocol: 'TCP', targetPort: 'bad_name' },
      ];
    },
    causes: [
      ['spec.ports[0].name', 'FieldValueRequired'],
      ['spec.ports[1].port', 'FieldValueInvalid', 'Invalid value: 0: must be between 1 and 65535, inclusive'],
      ['spec.ports[1].targetPort', 'FieldValueInvalid'],
    ],
  },
  {
    name: 'unknown service type and bad clusterIP',
    kind: 'Service',
    change: (o) => {
      o.spec.type = 'Internal';
      o.spec.clusterIP = '10.0.0';
    },
    causes: [
      ['spec.type', 'FieldValueNotSupported'],
      [
        'spec.clusterIP',
        'FieldValueInvalid',
        `Invalid value: "10.0.0": must be empty, 'None', or a valid IP address`,
      ],
    ],
  },
  {
    name: 'headless service needs no ports',
    kind: 'Service',
    change: (o) => {
      o.spec.ports = [];
      o.spec.clusterIP = 'None';
    },
    causes: [],
  },
  {
    name: 'endpoint address without a valid IP',
    kind: 'Endpoints',
    change: (o) => {
      o.subsets[0].addresses = [{ ip: 'pod-a' }];
    },
    causes: [['subsets[0].addresses[0].ip', 'FieldValueInvalid']],
  },
  {
    name: 'null endpoint address (decodes to an empty one in Go)',
    kind: 'Endpoints',
    change: (o) => {
      o.subsets[0].addresses = [null];
    },
    causes: [['subsets[0].addresses[0].ip', 'FieldValueRequired']],
  },
  // Storage
  {
    name: 'claim without access modes or storage request',
    kind: 'PersistentVolumeClaim',
    change: (o) => {
      o.spec.accessModes = [];
      o.spec.resources = {};
    },
    causes: [
      ['spec.accessModes', 'FieldValueRequired', 'Required value: at least 1 access mode is required'],
      ['spec.resources[storage]', 'FieldValueRequired'],
    ],
  },
  {
    name: 'claim asking for zero storage with an unknown mode',
    kind: 'PersistentVolumeClaim',
    change: (o) => {
      o.spec.resources.requests.storage = '0';
      o.spec.accessModes = ['ReadWriteSometimes'];
    },
    causes: [
      ['spec.accessModes', 'FieldValueNotSupported'],
      ['spec.resources[storage]', 'FieldValueInvalid', 'Invalid value: "0": must be greater than zero'],
    ],
  },
  {
    name: 'volume without capacity or source',
    kind: 'PersistentVolume',
    change: (o) => {
      o.spec.capacity = {};
      delete o.spec.hostPath;
    },
    causes: [
      ['spec.capacity', 'FieldValueRequired'],
      ['spec', 'FieldValueRequired', 'Required value: must specify a volume type'],
    ],
  },
  {
    name: 'storage class without provisioner',
    kind: 'StorageClass',
    change: (o) => {
      delete o.provisioner;
      o.reclaimPolicy = 'Recycle';
    },
    causes: [
      ['provisioner', 'FieldValueRequired'],
      [
        'reclaimPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      ],
    ],
  },
  // StatefulSet, DaemonSet, ControllerRevision
  {
    name: 'statefulset policies',
    kind: 'StatefulSet',
    change: (o) => {
      o.spec.podManagementPolicy = 'Random';
      o.spec.updateStrategy.rollingUpdate.partition = -1;
    },
    causes: [
      [
        'spec.podManagementPolicy',
        'FieldValueInvalid',
        `Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
      ],
      [
        'spec.updateStrategy.rollingUpdate.partition',
        'FieldValueInvalid',
        'Invalid value: -1: must be greater than or equal to 0',
      ],
    ],
  },
  {
    name: 'statefulset empty selector and claim template without storage',
    kind: 'StatefulSet',
    change: (o) => {
      o.spec.selector = { matchLabels: {} };
      o.spec.volumeClaimTemplates[0].spec.resources = {};
    },
    causes: [
      ['spec.selector', 'FieldValueInvalid'],
      ['spec.volumeClaimTemplates[0].spec.resources[storage]', 'FieldValueRequired'],
    ],
  },
  {
    name: 'statefulset pod specs are left to pod creation, as Kubernetes does',
    kind: 'StatefulSet',
    change: (o) => {
      o.spec.template.spec.containers[0].volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }];
      delete o.spec.template.spec.containers[0].image;
    },
    causes: [],
  },
  {
    name: 'statefulset templates must still restart Always; names are DNS labels',
    kind: 'StatefulSet',
    change: (o) => {
      o.metadata.name = 'web.v1';
      o.spec.template.spec.restartPolicy = 'OnFailure';
      o.spec.template.spec.activeDeadlineSeconds = 5;
    },
    causes: [
      ['metadata.name', 'FieldValueInvalid', 'Invalid value: "web.v1": must not contain dots'],
      ['spec.template.spec.restartPolicy', 'FieldValueNotSupported'],
      [
        'spec.template.spec.activeDeadlineSeconds',
        'FieldValueForbidden',
        'Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
      ],
    ],
  },
  {
    name: 'daemonset with both surge and unavailability',
    kind: 'DaemonSet',
    change: (o) => {
      o.spec.updateStrategy.rollingUpdate = { maxSurge: 1, maxUnavailable: 1 };
    },
    causes: [
      [
        'spec.updateStrategy.rollingUpdate.maxSurge',
        'FieldValueInvalid',
        'Invalid value: 1: may not be set when maxUnavailable is non-zero',
      ],
    ],
  },
  {
    name: 'daemonset with neither',
    kind: 'DaemonSet',
    change: (o) => {
      o.spec.updateStrategy.rollingUpdate = { maxSurge: 0, maxUnavailable: '0%' };
    },
    causes: [
      [
        'spec.updateStrategy.rollingUpdate.maxUnavailable',
        'FieldValueRequired',
        'Required value: cannot be 0 when maxSurge is 0',
      ],
    ],
  },
  {
    name: 'controller revision without data, negative revision',
    kind: 'ControllerRevision',
    change: (o) => {
      delete o.data;
      o.revision = -1;
    },
    causes: [
      ['data', 'FieldValueRequired', 'Required value: data is mandatory'],
      ['revision', 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0'],
    ],
  },
  // ConfigMap, Event, Lease
  {
    name: 'configmap keys',
    kind: 'ConfigMap',
    change: (o) => {
      o.data = { 'bad/key': 'x', ok: 'y' };
      o.binaryData = { ok: 'eQ==' };
    },
    causes: [
      ['data[bad/key]', 'FieldValueInvalid'],
      ['data[ok]', 'FieldValueInvalid', 'Invalid value: "ok": duplicate of key present in binaryData'],
    ],
  },
  {
    name: 'event about an object in another namespace',
    kind: 'Event',
    change: (o) => {
      o.involvedObject.namespace = 'kube-system';
    },
    causes: [
      [
        'involvedObject.namespace',
        'FieldValueInvalid',
        'Invalid value: "kube-system": does not match event.namespace',
      ],
    ],
  },
  {
    name: 'lease with a zero duration',
    kind: 'Lease',
    change: (o) => {
      o.spec.leaseDurationSeconds = 0;
    },
    causes: [['spec.leaseDurationSeconds', 'FieldValueInvalid', 'Invalid value: 0: must be greater than 0']],
  },
];

describe('validateCreate', () => {
  for (const kind of FIXTURE_KINDS) {
    it(`accepts a valid ${kind}`, () => {
      const obj = validObject(kind);
      const result = validateCreate(obj);
      if (E.isLeft(result)) assert.fail(result.left.message);
      assert.equal(result.right, obj);
    });
  }

  it('accepts a generateName without a name (the server generates it)', () => {
    const pod = mutated('Pod', (o) => {
      delete o.metadata.name;
      o.metadata.generateName = 'x-66b6c48dd5-';
    });
    assert.ok(E.isRight(validateCreate(pod)));
  });

  for (const c of createCases) {
    it(`${c.kind}: ${c.name}`, () => {
      const result = validateCreate(mutated(c.kind, c.change));
      if (c.causes.length === 0) {
        assert.ok(E.isRight(result), E.isLeft(result) ? result.left.message : '');
        return;
      }
      const causes = causesOf(result);
      assert.deepEqual(
        causes.map((x) => [x.field, x.reason]),
        c.causes.map(([field, reason]) => [field, reason]),
      );
      c.causes.forEach(([, , message], i) => {
        if (message !== undefined) assert.equal(causes[i].message, message);
      });
    });
  }

  it('words the Status like the API server (kubectl-wire §9)', () => {
    const s = failure(validateCreate(mutated('Deployment', (o) => (o.spec.replicas = -1))));
    assert.equal(
      s.message,
      'Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    assert.deepEqual(s.details, {
      name: 'x',
      group: 'apps',
      kind: 'Deployment',
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: -1: must be greater than or equal to 0',
          field: 'spec.replicas',
        },
      ],
    });
  });

  it('collects every error into one bracketed message', () => {
    const s = failure(
      validateCreate(
        mutated('Deployment', (o) => {
          o.spec.replicas = -1;
          o.spec.template.spec.containers[0].image = '';
        }),
      ),
    );
    assert.equal(
      s.message,
      'Deployment.apps "x" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, ' +
        'spec.template.spec.containers[0].image: Required value]',
    );
    const pod = failure(validateCreate(mutated('Pod', (o) => (o.spec.containers = []))));
    assert.equal(pod.message, 'Pod "web-0" is invalid: spec.containers: Required value');
  });

  it('answers 400 for things that are not registered objects', () => {
    const cases: [unknown, string][] = [
      [null, "Object 'Kind' is missing in 'null'"],
      ['text', `Object 'Kind' is missing in '"text"'`],
      [{ apiVersion: 'v1', metadata: {} }, `Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{}}'`],
      [{ kind: 'Pod', metadata: {} }, `Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{}}'`],
      [
        { apiVersion: 'v1', kind: 'Foo', metadata: { name: 'x' } },
        'no kind "Foo" is registered for version "v1"',
      ],
      [
        { apiVersion: 'apps/v2', kind: 'Deployment', metadata: { name: 'x' } },
        'no kind "Deployment" is registered for version "apps/v2"',
      ],
      [
        { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } },
        'no kind "Deployment" is registered for version "v1"',
      ],
    ];
    for (const [obj, message] of cases) {
      const s = failure(validateCreate(obj as KubeObject));
      assert.equal(s.code, 400);
      assert.equal(s.reason, 'BadRequest');
      assert.equal(s.message, message);
    }
  });
});

interface UpdateCase {
  name: string;
  kind: string;
  change: Mutation;
  causes: [string, string, string?][];
}

const updateCases: UpdateCase[] = [
  { name: 'unchanged', kind: 'Deployment', change: () => {}, causes: [] },
  {
    name: 'scaling and a new template are fine',
    kind: 'Deployment',
    change: (o) => {
      o.spec.replicas = 10;
      o.spec.template.spec.containers[0].image = 'nginx:1.16.1';
    },
    causes: [],
  },
  {
    name: 'name, namespace and uid are immutable',
    kind: 'ConfigMap',
    change: (o) => {
      o.metadata.name = 'other';
      o.metadata.namespace = 'other';
      o.metadata.uid = 'u-2';
    },
    causes: [
      ['metadata.name', 'FieldValueInvalid', 'Invalid value: "other": field is immutable'],
      ['metadata.namespace', 'FieldValueInvalid', 'Invalid value: "other": field is immutable'],
      ['metadata.uid', 'FieldValueInvalid', 'Invalid value: "u-2": field is immutable'],
    ],
  },
  {
    name: 'generation may not go back',
    kind: 'Deployment',
    change: (o) => {
      o.metadata.generation = 1;
    },
    causes: [['metadata.generation', 'FieldValueInvalid', 'Invalid value: 1: must not be decremented']],
  },
  {
    name: 'apps/v1 selectors are immutable',
    kind: 'Deployment',
    change: (o) => {
      o.spec.selector = { matchLabels: { app: 'nginx2' } };
      o.spec.template.metadata.labels = { app: 'nginx2' };
    },
    causes: [
      [
        'spec.selector',
        'FieldValueInvalid',
        'Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    ],
  },
  {
    name: 'ReplicaSet selector immutable',
    kind: 'ReplicaSet',
    change: (o) => {
      o.spec.selector.matchLabels.extra = 'x';
      o.spec.template.metadata.labels.extra = 'x';
    },
    causes: [['spec.selector', 'FieldValueInvalid']],
  },
  {
    name: 'DaemonSet selector immutable',
    kind: 'DaemonSet',
    change: (o) => {
      o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Exists' }] };
    },
    causes: [['spec.selector', 'FieldValueInvalid']],
  },
  {
    name: 'StatefulSet may change replicas, template and strategy',
    kind: 'StatefulSet',
    change: (o) => {
      o.spec.replicas = 5;
      o.spec.template.spec.containers[0].image = 'nginx:1.16.1';
      o.spec.updateStrategy = { type: 'OnDelete' };
    },
    causes: [],
  },
  {
    name: 'StatefulSet may not change other fields',
    kind: 'StatefulSet',
    change: (o) => {
      o.spec.serviceName = 'other';
    },
    causes: [
      [
        'spec',
        'FieldValueForbidden',
        "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ],
    ],
  },
  {
    name: 'pod image change and binding are allowed',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].image = 'nginx:1.16.1';
      o.spec.nodeName = 'node-1';
      o.spec.tolerations = [{ key: 'k', operator: 'Exists' }];
      o.status = { phase: 'Running' };
    },
    causes: [],
  },
  {
    name: 'other pod spec changes are forbidden',
    kind: 'Pod',
    change: (o) => {
      o.spec.containers[0].ports = [];
    },
    causes: [['spec', 'FieldValueForbidden']],
  },
  {
    name: 'claims may grow and be bound, nothing else',
    kind: 'PersistentVolumeClaim',
    change: (o) => {
      o.spec.resources.requests.storage = '2Gi';
      o.spec.volumeName = 'pv-1';
    },
    causes: [],
  },
  {
    name: 'claim access modes are fixed',
    kind: 'PersistentVolumeClaim',
    change: (o) => {
      o.spec.accessModes = ['ReadWriteMany'];
    },
    causes: [['spec', 'FieldValueForbidden']],
  },
  {
    name: 'controller revision data is immutable',
    kind: 'ControllerRevision',
    change: (o) => {
      o.data = { spec: {} };
      o.revision = 4;
    },
    causes: [['data', 'FieldValueInvalid']],
  },
  {
    name: 'storage class provisioner is fixed',
    kind: 'StorageClass',
    change: (o) => {
      o.provisioner = 'other.io/x';
    },
    causes: [['provisioner', 'FieldValueForbidden', 'Forbidden: updates to provisioner are forbidden.']],
  },
  {
    name: 'an allocated cluster IP stays',
    kind: 'Service',
    change: (o) => {
      o.spec.clusterIP = '10.96.0.11';
    },
    causes: [['spec.clusterIP', 'FieldValueInvalid', 'Invalid value: "10.96.0.11": field is immutable']],
  },
  {
    name: 'the new object must itself be valid',
    kind: 'Deployment',
    change: (o) => {
      o.spec.replicas = -2;
    },
    causes: [['spec.replicas', 'FieldValueInvalid']],
  },
];

function stored(kind: string): KubeObject {
  const o = validObject(kind);
  o.metadata.uid = 'u-1';
  o.metadata.resourceVersion = '7';
  o.metadata.generation = 2;
  o.metadata.creationTimestamp = '2024-01-01T00:00:00Z';
  if (kind === 'Service') o.spec.clusterIP = '10.96.0.10';
  return o;
}

describe('validateUpdate', () => {
  for (const c of updateCases) {
    it(`${c.kind}: ${c.name}`, () => {
      const old = stored(c.kind);
      const next = deepCopy(old);
      c.change(next);
      const result = validateUpdate(next, old);
      if (c.causes.length === 0) {
        assert.ok(E.isRight(result), E.isLeft(result) ? result.left.message : '');
        return;
      }
      const causes = causesOf(result);
      assert.deepEqual(
        causes.map((x) => [x.field, x.reason]),
        c.causes.map(([field, reason]) => [field, reason]),
      );
      c.causes.forEach(([, , message], i) => {
        if (message !== undefined) assert.equal(causes[i].message, message);
      });
    });
  }

  it('allows no new finalizers once deletion started', () => {
    const old = stored('ConfigMap');
    old.metadata.deletionTimestamp = '2024-01-02T00:00:00Z';
    old.metadata.finalizers = ['a.io/x'];
    const next = deepCopy(old);
    next.metadata.finalizers = ['a.io/x', 'b.io/y'];
    const causes = causesOf(validateUpdate(next, old));
    assert.deepEqual(causes, [
      {
        reason: 'FieldValueForbidden',
        field: 'metadata.finalizers',
        message:
          'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
      },
    ]);
    const removing = deepCopy(old);
    removing.metadata.finalizers = [];
    assert.ok(E.isRight(validateUpdate(removing, old)));
  });

  it('freezes an immutable ConfigMap', () => {
    const old = stored('ConfigMap');
    old.immutable = true;
    const next = deepCopy(old);
    next.data = { changed: 'yes' };
    const causes = causesOf(validateUpdate(next, old));
    assert.deepEqual(
      causes.map((c) => c.field),
      ['data'],
    );
  });

  it('rejects a change of kind with 400', () => {
    const s = failure(validateUpdate(validObject('ConfigMap'), validObject('Pod')));
    assert.equal(s.code, 400);
  });
});
