// A realistic cluster for the read-path benchmarks, written straight into the event log: objects are defaulted
// and validated by a dry-run create (so they are what the store would have stored), then appended server-side
// in the log's entry format by one Lua loop per batch, which takes seconds where a million writes through the
// store take minutes.
import { randomUUID } from 'node:crypto';
import type { KubeObject } from '@kubesim/api';
import { clusterKeys, type Store } from '@kubesim/store';
import { Redis } from 'ioredis';

export const REPLICASETS = 100;
export const PODS_PER_RS = 1000;
export const NODES = 50;

const time = (ms: number) => new Date(1_700_000_000_000 + ms).toISOString().replace(/\.\d+Z$/, 'Z');
const hex = (n: number) => randomUUID().replace(/-/g, '').slice(0, n);

export function replicaSetName(r: number): string {
  return `web-${r}-5d8f7c9b9c`;
}

export function replicaSet(r: number): KubeObject {
  const labels = { app: `web-${r}`, 'pod-template-hash': '5d8f7c9b9c' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: replicaSetName(r), namespace: 'bench', labels },
    spec: {
      replicas: PODS_PER_RS,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: podSpec('') },
    },
  };
}

function podSpec(nodeName: string) {
  return {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    ...(nodeName ? { nodeName } : {}),
    // What admission adds in a real cluster (ServiceAccount and Priority admission plugins).
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
  };
}

/** Pod i of ReplicaSet r as the ReplicaSet controller creates it and the scheduler and node agent leave it:
 *  bound, running, ready, with an IP (defaulting adds the rest). */
export function pod(r: number, rsUid: string, i: number): KubeObject {
  const node = `node-${i % NODES}`;
  const hostIP = `10.0.${i % NODES}.1`;
  const podIP = `10.${100 + (r % 100)}.${(i >> 8) & 255}.${i & 255}`;
  // Pods of one scale-up start a few per second, so neighbours often share their timestamps.
  const t = time(r * 3_600_000 + Math.floor(i / 4) * 1000);
  const conditions = [
    'PodReadyToStartContainers',
    'Initialized',
    'Ready',
    'ContainersReady',
    'PodScheduled',
  ].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${replicaSetName(r)}-`,
      namespace: 'bench',
      labels: { app: `web-${r}`, 'pod-template-hash': '5d8f7c9b9c' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: replicaSetName(r),
          uid: rsUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: podSpec(node),
    status: {
      phase: 'Running',
      conditions,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      qosClass: 'Burstable',
      startTime: t,
      containerStatuses: [
        {
          name: 'nginx',
          image: 'docker.io/library/nginx:1.25',
          imageID:
            'docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
          containerID: `containerd://${hex(32)}${hex(32)}`,
          ready: true,
          restartCount: 0,
          started: true,
          lastState: {},
          state: { running: { startedAt: t } },
        },
      ],
    },
  };
}

export function node(n: number, beat: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${n}`,
      labels: { 'kubernetes.io/hostname': `node-${n}`, 'kubernetes.io/os': 'linux' },
    },
    spec: { podCIDR: `10.244.${n}.0/24` },
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          lastHeartbeatTime: time(beat),
          lastTransitionTime: time(0),
        },
      ],
      addresses: [{ type: 'InternalIP', address: `10.0.${n}.1` }],
    },
  };
}

export function eventName(i: number): string {
  return `web-${i % REPLICASETS}-5d8f7c9b9c-e${i}.${(0x17a000000 + i).toString(16)}`;
}

/** An Event as the node agent records it for pod i. */
export function event(i: number): KubeObject {
  const podName = `web-${i % REPLICASETS}-5d8f7c9b9c-e${i}`;
  const t = time(i * 10);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: eventName(i), namespace: 'bench' },
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'bench',
      name: podName,
      fieldPath: 'spec.containers{nginx}',
    },
    reason: 'Pulled',
    message: 'Container image "nginx:1.25" already present on machine',
    source: { component: 'kubelet', host: `node-${i % NODES}` },
    firstTimestamp: t,
    lastTimestamp: t,
    count: 1,
    type: 'Normal',
    reportingComponent: 'kubelet',
    reportingInstance: `node-${i % NODES}`,
  };
}

/** An object ready to append: its projection key and its JSON split where the revision goes. */
export interface Prepared {
  kind: string;
  key: string;
  prefix: string;
  suffix: string;
}

const RV_MARK = 'ksim-bench-rv';

/** The object as a create would store it: defaulted, validated and stamped by a dry run. */
export function dryRun(store: Store, obj: KubeObject): Promise<KubeObject> {
  return store.create(obj, { dryRun: true });
}

/** `obj` stamped like `template` (a dry run of an object of the same shape, whose defaults it keeps): a fresh uid
 *  and obj's own fields, without paying for defaulting and validation again. Only for objects that defaulting
 *  leaves as they are apart from what the template already shows. */
export function stampedLike(template: KubeObject, obj: KubeObject): KubeObject {
  return { ...template, ...obj, metadata: { ...template.metadata, ...obj.metadata, uid: randomUUID() } };
}

/** The stored form of a dry-run object, split where the revision goes: the store's canonical field order has
 *  resourceVersion right after uid (packages/store/README.md). */
export function prepared(obj: KubeObject): Prepared {
  const metadata: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(obj.metadata)) {
    metadata[field] = value;
    if (field === 'uid') metadata.resourceVersion = RV_MARK;
  }
  const json = JSON.stringify({ ...obj, metadata });
  const at = json.indexOf(RV_MARK);
  const name = obj.metadata.name as string;
  return {
    kind: obj.kind,
    key: obj.metadata.namespace ? `${obj.metadata.namespace}/${name}` : name,
    prefix: json.slice(0, at),
    suffix: json.slice(at + RV_MARK.length),
  };
}

/** Appends ADDED entries (ARGV: kind, then key, prefix, suffix, …) exactly as lua/write.lua appends a create, event
 *  index line included. */
const APPEND_ADDED = `
for i = 2, #ARGV, 3 do
  local rev = redis.call('INCR', KEYS[1])
  local json = ARGV[i + 1] .. rev .. ARGV[i + 2]
  redis.call('HSET', KEYS[3], ARGV[i], json)
  redis.call('XADD', KEYS[2], rev .. '-0', 'event', 'ADDED ' .. ARGV[1] .. ' ' .. ARGV[i] .. ' fill.' .. rev,
    'object', json)
  redis.call('APPEND', KEYS[4] .. math.floor((rev - 1) / 2000), rev .. ' ADDED ' .. ARGV[1] .. ' ' .. ARGV[i] .. '\\n')
end
`;

/** Appends DELETED entries (ARGV: kind, then keys) carrying the last state at the deletion revision. */
const APPEND_DELETED = `
for i = 2, #ARGV do
  local current = redis.call('HGET', KEYS[3], ARGV[i])
  local rev = redis.call('INCR', KEYS[1])
  local json = string.gsub(current, '"resourceVersion":"%d+"', '"resourceVersion":"' .. rev .. '"', 1)
  redis.call('HDEL', KEYS[3], ARGV[i])
  redis.call('XADD', KEYS[2], rev .. '-0', 'event', 'DELETED ' .. ARGV[1] .. ' ' .. ARGV[i] .. ' fill.' .. rev,
    'object', json)
  redis.call('APPEND', KEYS[4] .. math.floor((rev - 1) / 2000), rev .. ' DELETED ' .. ARGV[1] .. ' ' .. ARGV[i] .. '\\n')
end
`;

const BATCH = 2000;

/** Writes straight into one cluster's log and projection. Nothing else may write to the cluster meanwhile. */
export class LogFill {
  private readonly redis: Redis;
  private readonly keys;

  constructor(url: string, cluster: string) {
    this.redis = new Redis(url);
    this.keys = clusterKeys(cluster);
  }

  /** Appends the objects in order, as creates; consecutive objects of one kind go in one script run. */
  async added(objects: Iterable<Prepared>): Promise<void> {
    let kind = '';
    let args: string[] = [];
    const flush = async () => {
      if (args.length) await this.run(APPEND_ADDED, kind, args);
      args = [];
    };
    for (const o of objects) {
      if (o.kind !== kind || args.length >= BATCH * 3) {
        await flush();
        kind = o.kind;
      }
      args.push(o.key, o.prefix, o.suffix);
    }
    await flush();
  }

  /** Appends deletions of these stored objects, in order. */
  async deleted(kind: string, keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      await this.run(APPEND_DELETED, kind, keys.slice(i, i + BATCH));
    }
  }

  close(): void {
    this.redis.disconnect();
  }

  private run(script: string, kind: string, args: string[]): Promise<unknown> {
    return this.redis.eval(
      script,
      4,
      this.keys.revision,
      this.keys.log,
      this.keys.objects(kind),
      this.keys.eventIndex,
      kind,
      ...args,
    );
  }
}
