// The pods printer. The Status cell is derived from container states as the API server's printer does it:
// init progress (Init:1/2, Init:CrashLoopBackOff), then the app containers' waiting or terminated reasons
// (ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff, Completed, Error, ExitCode:N), and
// Terminating once the pod is being deleted.
import type { KubeObject } from '../../meta.js';
import { humanDuration, since } from '../duration.js';
import {
  AGE_COLUMN,
  column,
  NAME_COLUMN,
  type TablePrinter,
  type TableRowCondition,
  wide,
} from '../printer.js';

interface ContainerStateTerminated {
  exitCode?: number;
  signal?: number;
  reason?: string;
  finishedAt?: string;
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: ContainerStateTerminated;
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodCondition {
  type: string;
  status: string;
  reason?: string;
}

interface InitContainer {
  name: string;
  restartPolicy?: string;
}

/** Pods the node lost contact with are shown as Unknown while they are being deleted. */
const NODE_LOST = 'NodeLost';

/** Tracks the restart count and the most recent restart across a set of containers. */
class Restarts {
  count = 0;
  last = 0;

  add(status: ContainerStatus): void {
    this.count += status.restartCount ?? 0;
    const finished = Date.parse(status.lastState?.terminated?.finishedAt ?? '');
    if (!Number.isNaN(finished) && finished > this.last) this.last = finished;
  }
}

function terminationReason(t: ContainerStateTerminated, prefix: string): string {
  if (t.reason) return `${prefix}${t.reason}`;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

const conditionTrue = (conditions: PodCondition[], type: string) =>
  conditions.some((c) => c.type === type && c.status === 'True');

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: Restarts;
}

function summarize(pod: KubeObject): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const conditions: PodCondition[] = status.conditions ?? [];
  const initSpecs: InitContainer[] = spec.initContainers ?? [];
  const restartable = (name: string) => initSpecs.find((c) => c.name === name)?.restartPolicy === 'Always';

  let reason: string = status.reason || status.phase || '';
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated';

  const total = (spec.containers ?? []).length + initSpecs.filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = new Restarts();
  const sidecarRestarts = new Restarts();

  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (const [i, c] of initStatuses.entries()) {
    restarts.add(c);
    if (restartable(c.name)) sidecarRestarts.add(c);
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    initializing = true;
    if (terminated) reason = terminationReason(terminated, 'Init:');
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    break;
  }

  if (!initializing || conditionTrue(conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    // Walked last to first so that the first container's reason wins, as in the API server.
    for (const c of [...statuses].reverse()) {
      restarts.add(c);
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated) reason = terminationReason(terminated, '');
      else if (c.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning)
      reason = conditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === NODE_LOST) reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, reason, restarts };
}

function readinessGates(pod: KubeObject): string {
  const gates: { conditionType: string }[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions: PodCondition[] = pod.status?.conditions ?? [];
  const passed = gates.filter(
    (g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True',
  ).length;
  return `${passed}/${gates.length}`;
}

const COMPLETED: Record<string, TableRowCondition> = {
  Succeeded: {
    type: 'Completed',
    status: 'True',
    reason: 'Succeeded',
    message: 'The pod has completed successfully.',
  },
  Failed: { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
};

export const podPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Ready containers out of all containers of the pod.'),
    column('Status', 'string', "Summary of the pod's phase and container states."),
    column('Restarts', 'string', 'Container restarts of the pod, and how long ago the last one happened.'),
    AGE_COLUMN,
    wide('IP', 'string', 'IP address of the pod.'),
    wide('Node', 'string', 'Node the pod is bound to.'),
    wide('Nominated Node', 'string', 'Node the pod is expected to run on after preemption.'),
    wide('Readiness Gates', 'string', 'Readiness gates that are satisfied, out of all.'),
  ],
  cells(pod, now) {
    const { ready, total, reason, restarts } = summarize(pod);
    const restartCell =
      restarts.count !== 0 && restarts.last > 0
        ? `${restarts.count} (${humanDuration(now - restarts.last)} ago)`
        : String(restarts.count);
    // The v1 API mirrors podIP into podIPs; objects written with only podIP still show their address.
    const podIPs: { ip?: string }[] = pod.status?.podIPs ?? [];
    return [
      pod.metadata.name ?? '',
      `${ready}/${total}`,
      reason,
      restartCell,
      since(pod.metadata.creationTimestamp, now),
      podIPs[0]?.ip || pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(pod) {
    const completed = COMPLETED[pod.status?.phase ?? ''];
    return completed ? [completed] : undefined;
  },
};
