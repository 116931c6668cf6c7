// Stand-ins for the controllers and node agent of a later wave, so kubectl suites can exercise the commands that
// read what those write: one Deployment sync (ReplicaSet per template, revision annotations, status), one
// ControllerRevision snapshot for a DaemonSet or StatefulSet, pods moved through their phases, and a node agent
// that answers exec and completes graceful pod deletion. They write through the store, as controllers do.
import { randomBytes } from 'node:crypto';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  type ControllerRevision,
  controllerRef,
  controllerRevisionData,
  controllerRevisionHash,
  type DaemonSet,
  DESIRED_REPLICAS_ANNOTATION,
  type Deployment,
  type Event,
  equalIgnoreHash,
  isControlledBy,
  type KubeObject,
  LAST_APPLIED_CONFIG_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  type PersistentVolumeClaim,
  POD_TEMPLATE_HASH_LABEL,
  type Pod,
  podTemplateHash,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  type ReplicaSet,
  ROLLBACK_TO_ANNOTATION,
  STATEFULSET_POD_NAME_LABEL,
  type StatefulSet,
} from '@kubesim/api';
import type { ExecRequest, ExecSessions, SessionEnd, Store } from '@kubesim/store';

const revisionOf = (o: KubeObject) => Number(o.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);

/** The Deployment controller's own annotations, which it never copies onto a ReplicaSet. */
const NOT_COPIED = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

function copiedAnnotations(d: Deployment): Record<string, string> {
  return Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

/**
 * One sync of a Deployment as its controller would end it once every pod is up: the ReplicaSet of the current
 * template (reused and renumbered if an old one matches, as on rollback) holds all replicas at revision
 * max(old)+1, older ones are scaled to zero, and both statuses report the rollout complete. A paused Deployment
 * only gets its status observed.
 */
export async function syncDeployment(store: Store, namespace: string, name: string): Promise<Deployment> {
  const d = await store.get<Deployment>('Deployment', namespace, name);
  if (!d) throw new Error(`no Deployment ${namespace}/${name}`);
  const replicas = d.spec.replicas ?? 1;
  const owned = (await store.list<ReplicaSet>('ReplicaSet', { namespace })).items.filter((rs) =>
    isControlledBy(rs, d),
  );
  if (d.spec.paused) {
    await writeDeploymentStatus(
      store,
      d,
      owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template)),
    );
    return (await store.get<Deployment>('Deployment', namespace, name)) as Deployment;
  }
  const current = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  const old = owned.filter((rs) => rs !== current);
  const revision = Math.max(0, ...old.map(revisionOf)) + 1;
  const annotations = {
    ...copiedAnnotations(d),
    [REVISION_ANNOTATION]: String(revision),
    [DESIRED_REPLICAS_ANNOTATION]: String(replicas),
    [MAX_REPLICAS_ANNOTATION]: String(replicas + 1),
  };
  let newRS: ReplicaSet;
  if (current) {
    const previous = revisionOf(current);
    const history = current.metadata.annotations?.[REVISION_HISTORY_ANNOTATION];
    newRS = await store.guaranteedUpdate<ReplicaSet>(
      'ReplicaSet',
      namespace,
      current.metadata.name ?? '',
      (rs) => {
        rs.metadata.annotations = { ...rs.metadata.annotations, ...annotations };
        if (previous !== revision) {
          rs.metadata.annotations[REVISION_HISTORY_ANNOTATION] = history
            ? `${history},${previous}`
            : String(previous);
        }
        rs.spec.replicas = replicas;
        return rs;
      },
    );
  } else {
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    const template = structuredClone(d.spec.template);
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash },
    };
    newRS = await store.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-${hash}`,
        namespace,
        labels: template.metadata.labels,
        annotations,
        ownerReferences: [controllerRef(d)],
      },
      spec: {
        replicas,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash },
        },
        template,
      },
    });
  }
  await setReplicaSetStatus(store, newRS, replicas);
  for (const rs of old) {
    if ((rs.spec.replicas ?? 0) !== 0) {
      const scaled = await store.guaranteedUpdate<ReplicaSet>(
        'ReplicaSet',
        namespace,
        rs.metadata.name ?? '',
        (r) => {
          r.spec.replicas = 0;
          return r;
        },
      );
      await setReplicaSetStatus(store, scaled, 0);
    }
  }
  const withRevision = await store.guaranteedUpdate<Deployment>('Deployment', namespace, name, (dep) => {
    dep.metadata.annotations = { ...dep.metadata.annotations, [REVISION_ANNOTATION]: String(revision) };
    return dep;
  });
  await writeDeploymentStatus(store, withRevision, newRS);
  return (await store.get<Deployment>('Deployment', namespace, name)) as Deployment;
}

async function setReplicaSetStatus(store: Store, rs: ReplicaSet, replicas: number): Promise<void> {
  await store.guaranteedUpdate<ReplicaSet>(
    'ReplicaSet',
    rs.metadata.namespace ?? '',
    rs.metadata.name ?? '',
    (r) => {
      r.status = {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: r.metadata.generation,
      };
      return r;
    },
    { subresource: 'status' },
  );
}

async function writeDeploymentStatus(
  store: Store,
  d: Deployment,
  newRS: ReplicaSet | undefined,
): Promise<void> {
  const replicas = d.spec.replicas ?? 1;
  const now = new Date().toISOString();
  const updated = newRS ? replicas : 0;
  await store.guaranteedUpdate<Deployment>(
    'Deployment',
    d.metadata.namespace ?? '',
    d.metadata.name ?? '',
    (dep) => {
      dep.status = {
        observedGeneration: dep.metadata.generation,
        replicas,
        updatedReplicas: updated,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            lastUpdateTime: now,
            lastTransitionTime: now,
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            lastUpdateTime: now,
            lastTransitionTime: now,
            reason: dep.spec.paused ? 'DeploymentPaused' : 'NewReplicaSetAvailable',
            message: dep.spec.paused
              ? 'Deployment is paused'
              : `ReplicaSet "${newRS?.metadata.name}" has successfully progressed.`,
          },
        ],
      };
      return dep;
    },
    { subresource: 'status' },
  );
}

/**
 * The DaemonSet/StatefulSet controllers' history snapshot of the owner's current template: reuses (and
 * renumbers to the newest) a revision with identical data, else creates `<name>-<hash>` at max+1. The owner's
 * annotations travel with it, as change-cause does in a real cluster.
 */
export async function snapshotControllerRevision(
  store: Store,
  kind: 'DaemonSet' | 'StatefulSet',
  namespace: string,
  name: string,
): Promise<ControllerRevision> {
  const owner = await store.get<DaemonSet | StatefulSet>(kind, namespace, name);
  if (!owner) throw new Error(`no ${kind} ${namespace}/${name}`);
  const data = controllerRevisionData(owner.spec.template);
  const owned = (await store.list<ControllerRevision>('ControllerRevision', { namespace })).items.filter(
    (cr) => isControlledBy(cr, owner),
  );
  const next = Math.max(0, ...owned.map((cr) => cr.revision)) + 1;
  const same = owned.find((cr) => JSON.stringify(cr.data) === JSON.stringify(JSON.parse(data)));
  if (same) {
    if (same.revision === next - 1) return same;
    return store.guaranteedUpdate<ControllerRevision>(
      'ControllerRevision',
      namespace,
      same.metadata.name ?? '',
      (cr) => {
        cr.revision = next;
        return cr;
      },
    );
  }
  const hash = controllerRevisionHash(data);
  return store.create<ControllerRevision>({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${name}-${hash}`,
      namespace,
      labels: { ...owner.spec.template.metadata?.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      annotations: { ...owner.metadata.annotations },
      ownerReferences: [controllerRef(owner)],
    },
    data: JSON.parse(data),
    revision: next,
  });
}

/** Writes an object's status as its controller would (the status subresource: spec and metadata untouched). */
export function writeStatus<T extends KubeObject>(
  store: Store,
  kind: string,
  namespace: string,
  name: string,
  status: (current: T) => Record<string, unknown>,
): Promise<T> {
  return store.guaranteedUpdate<T>(
    kind,
    namespace,
    name,
    (o) => {
      (o as KubeObject & { status?: unknown }).status = status(o);
      return o;
    },
    { subresource: 'status' },
  );
}

/**
 * The StatefulSet controller's pod `<set>-<ordinal>` (Pending, unbound) and the claims of its
 * volumeClaimTemplates, which a provisioner has already bound.
 */
export async function createStatefulSetPod(store: Store, set: StatefulSet, ordinal: number): Promise<Pod> {
  const namespace = set.metadata.namespace ?? 'default';
  const name = `${set.metadata.name}-${ordinal}`;
  const revision = set.status?.updateRevision ?? `${set.metadata.name}-unknown`;
  const claims = set.spec.volumeClaimTemplates ?? [];
  for (const t of claims) await createBoundClaim(store, namespace, `${t.metadata.name}-${name}`, set, t);
  const template = structuredClone(set.spec.template);
  return store.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        ...template.metadata?.labels,
        [CONTROLLER_REVISION_HASH_LABEL]: revision,
        [STATEFULSET_POD_NAME_LABEL]: name,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
      ownerReferences: [controllerRef(set)],
    },
    spec: {
      ...template.spec,
      hostname: name,
      subdomain: set.spec.serviceName,
      volumes: [
        ...(template.spec?.volumes ?? []),
        ...claims.map((t) => ({
          name: t.metadata.name ?? '',
          persistentVolumeClaim: { claimName: `${t.metadata.name}-${name}` },
        })),
      ],
    },
  } as Pod);
}

async function createBoundClaim(
  store: Store,
  namespace: string,
  name: string,
  set: StatefulSet,
  template: PersistentVolumeClaim,
): Promise<void> {
  if (await store.get('PersistentVolumeClaim', namespace, name)) return;
  const claim = await store.create<PersistentVolumeClaim & KubeObject>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace, labels: { ...set.spec.selector.matchLabels, ...template.metadata.labels } },
    spec: { ...structuredClone(template.spec), volumeName: `pvc-${name}` },
  } as PersistentVolumeClaim & KubeObject);
  await store.guaranteedUpdate<PersistentVolumeClaim & KubeObject>(
    'PersistentVolumeClaim',
    namespace,
    name,
    (c) => {
      c.status = {
        phase: 'Bound',
        accessModes: claim.spec.accessModes,
        capacity: { storage: String(claim.spec.resources?.requests?.storage ?? '1Gi') },
      };
      return c;
    },
    { subresource: 'status' },
  );
}

/** A core/v1 Event about `about`, as a controller's event recorder writes it. */
export async function recordEvent(
  store: Store,
  about: KubeObject,
  reason: string,
  message: string,
  component: string,
): Promise<Event> {
  const now = new Date().toISOString();
  return store.create<Event>({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${about.metadata.name}.${randomBytes(8).toString('hex')}`,
      namespace: about.metadata.namespace,
    },
    involvedObject: {
      apiVersion: about.apiVersion,
      kind: about.kind,
      name: about.metadata.name,
      namespace: about.metadata.namespace,
      uid: about.metadata.uid,
      resourceVersion: about.metadata.resourceVersion,
    },
    reason,
    message,
    source: { component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: 'Normal',
  });
}

export type PodStage = 'Pending' | 'Scheduled' | 'ContainerCreating' | 'Running';

/**
 * Moves a pod one stage along the way the scheduler and node agent would: bound to `node`, its container
 * waiting in ContainerCreating, then running and ready.
 */
export async function advancePod(
  store: Store,
  namespace: string,
  name: string,
  stage: PodStage,
  node = 'node-1',
) {
  if (stage === 'Pending') return store.get<Pod>('Pod', namespace, name);
  if (stage === 'Scheduled') {
    return store.guaranteedUpdate<Pod>('Pod', namespace, name, (p) => {
      p.spec.nodeName = node;
      return p;
    });
  }
  const now = new Date().toISOString();
  return store.guaranteedUpdate<Pod>(
    'Pod',
    namespace,
    name,
    (p) => {
      const running = stage === 'Running';
      p.status = {
        ...p.status,
        phase: running ? 'Running' : 'Pending',
        hostIP: '10.0.0.1',
        ...(running ? { podIP: '10.244.0.7', podIPs: [{ ip: '10.244.0.7' }] } : {}),
        startTime: p.status?.startTime ?? now,
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
          { type: 'Initialized', status: 'True', lastTransitionTime: now },
          { type: 'ContainersReady', status: running ? 'True' : 'False', lastTransitionTime: now },
          { type: 'Ready', status: running ? 'True' : 'False', lastTransitionTime: now },
        ],
        containerStatuses: p.spec.containers.map((c) => ({
          name: c.name,
          image: c.image ?? '',
          imageID: running ? `docker-pullable://${c.image}` : '',
          ready: running,
          started: running,
          restartCount: 0,
          ...(running ? { containerID: `containerd://${name}-${c.name}` } : {}),
          state: running ? { running: { startedAt: now } } : { waiting: { reason: 'ContainerCreating' } },
        })),
      };
      return p;
    },
    { subresource: 'status' },
  );
}

/** Moves a pod through every stage up to Running. */
export async function runPod(store: Store, namespace: string, name: string, node = 'node-1'): Promise<Pod> {
  await advancePod(store, namespace, name, 'Scheduled', node);
  await advancePod(store, namespace, name, 'ContainerCreating', node);
  return (await advancePod(store, namespace, name, 'Running', node)) as Pod;
}

export type ExecHandler = (req: ExecRequest, end: SessionEnd) => Promise<void>;

/**
 * A node agent for `node`: serves exec sessions with `exec`, and finishes the graceful deletion of its pods
 * (removes them once they carry a deletionTimestamp), as a kubelet does after stopping the containers.
 */
export async function startNodeAgent(
  h: { store: Store; sessions: ExecSessions },
  node: string,
  exec: ExecHandler,
): Promise<{ stop(): void }> {
  const serving = h.sessions.serve(node, exec);
  await serving.ready;
  const watch = h.store.watch({ fromRevision: await h.store.revision(), kinds: ['Pod'] });
  void (async () => {
    for await (const e of watch) {
      const pod = e.object as Pod;
      if (e.type === 'DELETED' || !pod.metadata.deletionTimestamp || pod.spec.nodeName !== node) continue;
      await h.store
        .delete('Pod', e.namespace, e.name, {
          gracePeriodSeconds: 0,
          preconditions: { uid: pod.metadata.uid },
        })
        .catch(() => {});
    }
  })();
  return {
    stop() {
      serving.stop();
      watch.stop();
    },
  };
}

/** An exec handler that answers `hostname` (alone or inside `sh -c`) with the pod name, like a real container, and
 *  echoes stdin for `cat` (and terminal resizes, as `[resize WxH]`); any other script is not found (exit 127). */
export const hostnameExec: ExecHandler = async (req, end) => {
  if (req.command[0] === 'cat') {
    for await (const f of end.frames()) {
      if (f.channel === 0) await end.send(1, f.data);
      if (f.channel === 4) {
        const { Width, Height } = JSON.parse(f.data.toString()) as { Width: number; Height: number };
        await end.send(1, `[resize ${Width}x${Height}]`);
      }
      if (f.channel === 255) break;
    }
    await end.send(3, JSON.stringify({ metadata: {}, status: 'Success' }));
    return;
  }
  const script = req.command.at(-1) ?? '';
  if (script.trim() === 'hostname') {
    await end.send(1, `${req.pod}\n`);
    await end.send(3, JSON.stringify({ metadata: {}, status: 'Success' }));
    return;
  }
  await end.send(2, `sh: ${script}: not found\n`);
  await end.send(
    3,
    JSON.stringify({
      metadata: {},
      status: 'Failure',
      reason: 'NonZeroExitCode',
      message: 'command terminated with non-zero exit code: exit status 127',
      details: { causes: [{ reason: 'ExitCode', message: '127' }] },
    }),
  );
};
