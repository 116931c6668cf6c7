// `ksim describe`: kubectl's human-readable description of objects, each with what its describer reads besides
// the object (ReplicaSets of a Deployment, pods of a controller or node, endpoints of a Service) and its Events.
import {
  type DaemonSet,
  type Deployment,
  isStatusError,
  type KindInfo,
  type KubeObject,
  type ReplicaSet,
  type StatefulSet,
} from '@kubesim/api';
import type { KubeClient } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import {
  describeNode,
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeService,
} from '../describe/cluster.js';
import { selectorText } from '../describe/format.js';
import { describeGeneric } from '../describe/generic.js';
import { describePod } from '../describe/pod.js';
import type { EventView } from '../describe/sections.js';
import {
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
  describeStatefulSet,
  podPhaseCounts,
} from '../describe/workloads.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { parseResourceArgs } from '../resources/resource-args.js';
import { newReplicaSet, oldReplicaSets } from '../rollout/history.js';

interface DescribeFlags {
  selector?: string;
  allNamespaces?: boolean;
}

export function registerDescribeCommand(program: Command): void {
  program
    .command('describe')
    .description('show details of a resource or group of resources')
    .argument('<resources...>', 'TYPE [NAME...] or TYPE/NAME...')
    .option('-l, --selector <selector>', 'label selector to filter on')
    .option('-A, --all-namespaces', 'describe across all namespaces')
    .action(
      withErrors(async (args: string[], flags: DescribeFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        const ns = flags.allNamespaces ? undefined : namespace;
        const selection = parseResourceArgs(args);
        const targets: { obj: KubeObject; info: KindInfo }[] = [];
        const errors: unknown[] = [];
        if (selection.kind === 'types') {
          for (const info of selection.types) {
            const list = await client.list(info.kind, {
              namespace: info.namespaced ? ns : undefined,
              labelSelector: flags.selector,
            });
            targets.push(...list.items.map((obj) => ({ obj: { ...obj, kind: info.kind }, info })));
          }
          if (targets.length === 0) {
            throw new CliError(
              ns === undefined ? 'No resources found' : `No resources found in ${ns} namespace.`,
            );
          }
        } else {
          if (ns === undefined)
            throw new CliError('a resource cannot be retrieved by name across all namespaces');
          for (const { info, name } of selection.objects) {
            const scope = info.namespaced ? ns : undefined;
            try {
              targets.push({ obj: await client.get(info.kind, scope, name), info });
            } catch (err) {
              if (!isStatusError(err, 'NotFound')) throw err;
              // Like kubectl, a name that matches no object describes the objects whose names start with it.
              const list = await client.list(info.kind, { namespace: scope });
              const prefixed = list.items.filter((o) => o.metadata.name?.startsWith(name));
              if (prefixed.length === 0) errors.push(err);
              targets.push(...prefixed.map((obj) => ({ obj: { ...obj, kind: info.kind }, info })));
            }
          }
        }
        let first = true;
        for (const { obj, info } of targets) {
          const text = await describeObject(client, info, obj, Date.now());
          process.stdout.write(first ? text : `\n\n${text}`);
          first = false;
        }
        for (const err of errors) process.stderr.write(`${formatError(err)}\n`);
        if (errors.length > 0) process.exitCode = 1;
      }),
    );
}

/** Describes one object, fetching what its kind's describer needs. */
export async function describeObject(
  client: KubeClient,
  info: KindInfo,
  obj: KubeObject,
  now: number,
): Promise<string> {
  const namespace = obj.metadata.namespace;
  const events = () => searchEvents(client, info, obj);
  const ownedPods = async () => {
    const pods = await client.list('Pod', { namespace, labelSelector: selectorText(obj.spec?.selector) });
    return podPhaseCounts(pods.items, obj.metadata.uid);
  };
  switch (info.kind) {
    case 'Deployment': {
      const rs = await client.list<ReplicaSet>('ReplicaSet', {
        namespace,
        labelSelector: selectorText(obj.spec?.selector),
      });
      return describeDeployment(
        obj as Deployment,
        {
          newReplicaSet: newReplicaSet(obj, rs.items) as ReplicaSet | undefined,
          oldReplicaSets: oldReplicaSets(obj, rs.items) as ReplicaSet[],
          events: await events(),
        },
        now,
      );
    }
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, await ownedPods(), await events(), now);
    case 'StatefulSet':
      return describeStatefulSet(obj as StatefulSet, await ownedPods(), await events(), now);
    case 'DaemonSet':
      return describeDaemonSet(obj as DaemonSet, await ownedPods(), await events(), now);
    case 'Pod':
      return describePod(obj, await events(), now);
    case 'Service':
      return describeService(
        obj,
        await getOrUndefined(client, 'Endpoints', namespace, obj.metadata.name ?? ''),
        await events(),
        now,
      );
    case 'Node':
      return describeNode(obj, await nodeDetails(client, obj, await events()), now);
    case 'PersistentVolumeClaim': {
      const pods = await client.list('Pod', { namespace });
      const usedBy = pods.items.filter((p) =>
        (p.spec?.volumes ?? []).some(
          (v: { persistentVolumeClaim?: { claimName?: string } }) =>
            v.persistentVolumeClaim?.claimName === obj.metadata.name,
        ),
      );
      return describePersistentVolumeClaim(obj, usedBy, await events(), now);
    }
    case 'PersistentVolume':
      return describePersistentVolume(obj, await events(), now);
    default:
      return describeGeneric(obj, await events(), now);
  }
}

/**
 * The object's Events, by kubectl's field selector (involvedObject name, namespace, kind and uid; pods leave the
 * kind out). A server that cannot answer yields no events rather than a failed describe.
 */
export async function searchEvents(
  client: KubeClient,
  info: KindInfo,
  obj: KubeObject,
): Promise<EventView[]> {
  const query = async (uid: string | undefined) => {
    const terms = [
      `involvedObject.name=${obj.metadata.name}`,
      `involvedObject.namespace=${obj.metadata.namespace ?? ''}`,
    ];
    if (info.kind !== 'Pod') terms.push(`involvedObject.kind=${info.kind}`);
    if (uid) terms.push(`involvedObject.uid=${uid}`);
    try {
      const list = await client.list<EventView>('Event', {
        namespace: obj.metadata.namespace,
        fieldSelector: terms.join(','),
        limit: 500,
      });
      return list.items;
    } catch (err) {
      if (isStatusError(err)) return [];
      throw err;
    }
  };
  const events = await query(obj.metadata.uid);
  // A kubelet reports node events under the node's name as uid, the controllers under its real uid.
  return info.kind === 'Node' ? [...events, ...(await query(obj.metadata.name))] : events;
}

async function getOrUndefined(
  client: KubeClient,
  kind: string,
  namespace: string | undefined,
  name: string,
): Promise<KubeObject | undefined> {
  try {
    return await client.get(kind, namespace, name);
  } catch (err) {
    if (isStatusError(err, 'NotFound')) return undefined;
    throw err;
  }
}

async function nodeDetails(client: KubeClient, node: KubeObject, events: EventView[]) {
  const pods = await client.list('Pod', {});
  const onNode = pods.items.filter(
    (p) =>
      p.spec?.nodeName === node.metadata.name &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed',
  );
  try {
    const lease = await client.get('Lease', 'kube-node-lease', node.metadata.name ?? '');
    return { pods: onNode, lease, events };
  } catch (err) {
    if (!isStatusError(err)) throw err;
    return { pods: onNode, leaseError: err.message, events };
  }
}
