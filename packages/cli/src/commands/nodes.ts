// `ksim nodes add|remove|list`: simulated machines. `add` registers a Node object with capacity, labels and
// taints as a kubelet would; a node agent then runs it (heartbeats, pods). `list` is `get nodes`.
import { isStatusError, type KubeObject, parseQuantity } from '@kubesim/api';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, withErrors } from '../errors.js';
import { collect } from './flags.js';
import { runGet } from './get.js';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export interface NodeSpecFlags {
  cpu: string;
  memory: string;
  pods: string;
  taint: string[];
  label: string[];
}

/** kubectl taint syntax: `key=value:Effect` or `key:Effect`. */
export function parseTaint(text: string): { key: string; value?: string; effect: string } {
  const colon = text.lastIndexOf(':');
  if (colon < 0) throw new CliError(`invalid taint spec: ${text}, expected key[=value]:Effect`);
  const [keyValue, effect] = [text.slice(0, colon), text.slice(colon + 1)];
  if (!TAINT_EFFECTS.includes(effect))
    throw new CliError(`invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = keyValue.indexOf('=');
  const key = eq < 0 ? keyValue : keyValue.slice(0, eq);
  if (!key) throw new CliError(`invalid taint spec: ${text}, the key is empty`);
  return eq < 0 ? { key, effect } : { key, value: keyValue.slice(eq + 1), effect };
}

export function parseLabel(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new CliError(`invalid label "${text}", expected key=value`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** The Node a kubelet would register: hostname and OS labels, the given labels and taints, capacity = allocatable. */
export function buildNode(name: string, flags: NodeSpecFlags): KubeObject {
  for (const [resource, value] of [
    ['cpu', flags.cpu],
    ['memory', flags.memory],
    ['pods', flags.pods],
  ]) {
    if (parseQuantity(value)._tag === 'Left')
      throw new CliError(`invalid --${resource} "${value}": not a quantity`);
  }
  const taints = flags.taint.map(parseTaint);
  const resources = { cpu: flags.cpu, memory: flags.memory, pods: flags.pods };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...Object.fromEntries(flags.label.map(parseLabel)),
      },
    },
    spec: taints.length > 0 ? { taints } : {},
    status: { capacity: { ...resources }, allocatable: { ...resources } },
  };
}

export function registerNodesCommand(program: Command): void {
  const nodes = program.command('nodes').description('add, remove and list simulated nodes');

  nodes
    .command('add')
    .description('register a simulated node')
    .argument('<name>')
    .option('--cpu <quantity>', 'CPU capacity', '4')
    .option('--memory <quantity>', 'memory capacity', '8Gi')
    .option('--pods <count>', 'pod capacity', '110')
    .option('--taint <key=value:Effect>', 'a taint (repeatable)', collect, [])
    .option('--label <key=value>', 'a label (repeatable)', collect, [])
    .action(
      withErrors(async (name: string, flags: NodeSpecFlags, cmd: Command) => {
        const { client } = await commandContext(cmd);
        const node = buildNode(name, flags);
        const created = await client.create(node);
        // A create may drop status as the status subresource owns it; set capacity there if it did.
        if (!created.status?.capacity) await client.update({ ...created, status: node.status }, 'status');
        process.stdout.write(`node/${name} created\n`);
      }),
    );

  nodes
    .command('remove')
    .description('remove a simulated node')
    .argument('<name>')
    .action(
      withErrors(async (name: string, _flags: unknown, cmd: Command) => {
        const { client } = await commandContext(cmd);
        try {
          await client.delete('Node', undefined, name);
        } catch (err) {
          if (isStatusError(err, 'NotFound')) throw err;
          throw new CliError(`unable to remove node ${name}: ${(err as Error).message}`);
        }
        process.stdout.write(`node "${name}" deleted\n`);
      }),
    );

  nodes
    .command('list')
    .description('list nodes (same as get nodes)')
    .option('-o, --output <format>', 'output format: wide, name, json, yaml, jsonpath=TEMPLATE')
    .option('-l, --selector <selector>', 'label selector to filter on')
    .action(
      withErrors(async (flags: { output?: string; selector?: string }, cmd: Command) => {
        const { client } = await commandContext(cmd);
        await runGet(['nodes'], { client, namespace: undefined, flags });
      }),
    );
}
