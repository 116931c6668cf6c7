// kubectl describe for the workload controllers: Deployment (with its new and old ReplicaSets), ReplicaSet,
// StatefulSet and DaemonSet, each with the pod template and the Events of the object.
import type { DaemonSet, Deployment, KubeObject, ReplicaSet, StatefulSet } from '@kubesim/api';
import { formatLabels } from '../output/server-table.js';
import { intOrString, rfc1123z, selectorText } from './format.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import { annotationsMultiline, type EventView, events, labelsMultiline, podTemplate } from './sections.js';

/** Pods of a controller by phase (only pods it controls, as getPodStatusForController counts them). */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export function podPhaseCounts(pods: readonly KubeObject[], ownerUid: string | undefined): PodPhaseCounts {
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!controller || controller.uid !== ownerUid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

const podsStatus = (c: PodPhaseCounts) =>
  `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

function conditionsTable(
  w: PrefixWriter,
  conditions: { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function replicaSetsText(list: readonly ReplicaSet[]): string {
  const text = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return text || '<none>';
}

export interface DeploymentDetails {
  newReplicaSet?: ReplicaSet;
  oldReplicaSets: ReplicaSet[];
  events?: EventView[];
}

export function describeDeployment(d: Deployment, details: DeploymentDetails, now: number): string {
  const w = new PrefixWriter();
  const status = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(d.spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) {
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
    );
  }
  podTemplate(w, d.spec.template);
  conditionsTable(w, status.conditions);
  if (details.oldReplicaSets.length > 0 || details.newReplicaSet) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(details.oldReplicaSets)}\n`);
    w.write(
      LEVEL_0,
      `NewReplicaSet:\t${replicaSetsText(details.newReplicaSet ? [details.newReplicaSet] : [])}\n`,
    );
  }
  events(w, details.events, now);
  return w.output();
}

export function describeReplicaSet(
  rs: ReplicaSet,
  pods: PodPhaseCounts,
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controller = controlledBy(rs);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  podTemplate(w, rs.spec.template);
  conditionsTable(w, rs.status?.conditions);
  events(w, eventList, now);
  return w.output();
}

export function describeStatefulSet(
  sts: StatefulSet,
  pods: PodPhaseCounts,
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(sts.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', sts.metadata.labels);
  annotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? ''}\n`);
  const ru = sts.spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined)
      w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  podTemplate(w, sts.spec.template);
  const claims = sts.spec.volumeClaimTemplates ?? [];
  if (claims.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  } else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const pvc of claims) {
      w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
      w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
      labelsMultiline(w, 'Labels', pvc.metadata.labels, '  ');
      labelsMultiline(w, 'Annotations', pvc.metadata.annotations, '  ');
      w.write(LEVEL_1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  events(w, eventList, now);
  return w.output();
}

export function describeDaemonSet(
  ds: DaemonSet,
  pods: PodPhaseCounts,
  eventList: EventView[] | undefined,
  now: number,
): string {
  const w = new PrefixWriter();
  const status = ds.status;
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
  w.write(
    LEVEL_0,
    `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`,
  );
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(pods)}\n`);
  podTemplate(w, ds.spec.template);
  events(w, eventList, now);
  return w.output();
}

/** `Kind/name` of an object's controller, as the `Controlled By:` line prints it. */
export function controlledBy(obj: KubeObject): string | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}
