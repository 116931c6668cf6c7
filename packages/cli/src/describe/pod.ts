// kubectl describe pod: placement, status, containers with their states, conditions, volumes, QoS class,
// scheduling constraints and Events.
import type { Container, KubeObject } from '@kubesim/api';
import { rfc1123z, since } from './format.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import {
  annotationsMultiline,
  type ContainerStatusView,
  containers,
  type EventView,
  events,
  labelsMultiline,
  tolerationsMultiline,
  volumes,
} from './sections.js';
import { controlledBy } from './workloads.js';

export function describePod(pod: KubeObject, eventList: EventView[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips: { ip: string }[] = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controller = controlledBy(pod);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const statuses = (list: unknown) => (Array.isArray(list) ? (list as ContainerStatusView[]) : []);
  if ((spec.initContainers ?? []).length > 0) {
    containers(w, 'Init Containers', spec.initContainers, statuses(status.initContainerStatuses));
  }
  containers(w, 'Containers', spec.containers ?? [], statuses(status.containerStatuses));
  const conditions: { type: string; status: string }[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  volumes(w, spec.volumes);
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass ?? qosClass(spec.containers ?? [])}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  events(w, eventList, now);
  return w.output();
}

/**
 * The pod's quality of service: BestEffort without any requests or limits, Guaranteed when every container
 * limits cpu and memory and requests exactly that (requests default to limits), Burstable otherwise.
 */
export function qosClass(list: readonly Container[]): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const any = list.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = list.every((c) => {
    const limits = c.resources?.limits ?? {};
    const requests = { ...limits, ...(c.resources?.requests ?? {}) };
    return ['cpu', 'memory'].every((r) => limits[r] !== undefined && requests[r] === limits[r]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
