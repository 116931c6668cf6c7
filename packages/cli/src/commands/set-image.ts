// `ksim set image`: changes container images of pods and pod templates with the two-way strategic merge patch
// kubectl sends (`$setElementOrder/containers` plus the changed containers), fieldManager=kubectl-set.
import { deepCopy, type JsonRecord, type KindInfo, type KubeObject } from '@kubesim/api';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { twoWayMergePatch } from '../patch/strategic-diff.js';
import { changeCause, recordChangeCause } from '../record.js';
import { objectRef } from '../resources/naming.js';
import { parseResourceArgs } from '../resources/resource-args.js';

interface SetImageFlags {
  selector?: string;
  all?: boolean;
  record?: boolean;
}

/** `nginx=nginx:1.91` pairs; `*` stands for every container. */
export function parseImageArgs(args: readonly string[]): {
  resources: string[];
  images: Map<string, string>;
} {
  const resources = args.filter((a) => !a.includes('='));
  const images = new Map<string, string>();
  for (const pair of args.filter((a) => a.includes('='))) {
    const eq = pair.indexOf('=');
    const [container, image] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if (!container || !image) throw new CliError(`invalid image update "${pair}": expected CONTAINER=IMAGE`);
    images.set(container, image);
  }
  if (images.size === 0) throw new CliError('at least one image update is required');
  return { resources, images };
}

/** A copy of the object with the images set; throws kubectl's error for a container it does not have. */
export function withImages(obj: KubeObject, images: Map<string, string>): KubeObject {
  const updated = deepCopy(obj);
  const podSpec = updated.kind === 'Pod' ? updated.spec : updated.spec?.template?.spec;
  const containers: { name: string; image?: string }[] = [
    ...(podSpec?.initContainers ?? []),
    ...(podSpec?.containers ?? []),
  ];
  for (const [name, image] of images) {
    const matching = name === '*' ? containers : containers.filter((c) => c.name === name);
    if (matching.length === 0) throw new CliError(`unable to find container named "${name}"`);
    for (const c of matching) c.image = image;
  }
  return updated;
}

export function registerSetCommand(program: Command): void {
  const set = program.command('set').description('set specific features on objects');
  set
    .command('image')
    .description('update the image of pod template containers')
    .argument('<args...>', '(TYPE NAME | TYPE/NAME) CONTAINER=IMAGE...')
    .option('-l, --selector <selector>', 'update the objects matching this label selector')
    .option('--all', 'update all objects of the type in the namespace')
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .action(
      withErrors(async (args: string[], flags: SetImageFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        const { resources, images } = parseImageArgs(args);
        const selection = parseResourceArgs(resources);
        const targets: { info: KindInfo; obj: KubeObject }[] = [];
        const scope = (info: KindInfo) => (info.namespaced ? namespace : undefined);
        if (selection.kind === 'objects') {
          for (const { info, name } of selection.objects)
            targets.push({ info, obj: await client.get(info.kind, scope(info), name) });
        } else {
          if (!flags.selector && !flags.all)
            throw new CliError('resource(s) were provided, but no name was specified');
          for (const info of selection.types) {
            const list = await client.list(info.kind, {
              namespace: scope(info),
              labelSelector: flags.selector,
            });
            targets.push(...list.items.map((obj) => ({ info, obj: { ...obj, kind: info.kind } })));
          }
        }
        const cause = flags.record ? changeCause(cmd) : undefined;
        let failed = false;
        for (const { info, obj } of targets) {
          try {
            const updated = withImages(obj, images);
            if (cause) recordChangeCause(updated, cause);
            const patch = twoWayMergePatch(obj as unknown as JsonRecord, updated as unknown as JsonRecord);
            if (Object.keys(patch).length === 0) continue;
            const name = obj.metadata.name ?? '';
            await client.patch(info.kind, scope(info), name, 'strategic', patch, {
              query: { fieldManager: 'kubectl-set' },
            });
            process.stdout.write(`${objectRef(info, name)} image updated\n`);
          } catch (err) {
            failed = true;
            process.stderr.write(`${formatError(err)}\n`);
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}
