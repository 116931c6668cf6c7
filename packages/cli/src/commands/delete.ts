// `ksim delete`: deletes named objects, objects matching a selector, or those in manifests, with kubectl's
// propagation and grace-period options, then (by default) waits for each to be gone like kubectl does.
import { isStatusError, type KindInfo, type KubeObject } from '@kubesim/api';
import type { KubeClient } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { loadManifests, placeInNamespace } from '../resources/manifests.js';
import { infoOf, qualifiedKind } from '../resources/naming.js';
import { parseResourceArgs } from '../resources/resource-args.js';
import { booleanValue, collect, integer } from './flags.js';
import { waitUntilGone } from './wait.js';

interface DeleteFlags {
  filename: string[];
  recursive?: boolean;
  selector?: string;
  all?: boolean;
  cascade: string;
  gracePeriod?: number;
  now?: boolean;
  force?: boolean;
  wait: boolean;
  timeout?: string;
  ignoreNotFound?: boolean;
}

interface DeleteTarget {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
}

const PROPAGATION: Record<string, 'Background' | 'Foreground' | 'Orphan'> = {
  background: 'Background',
  true: 'Background',
  foreground: 'Foreground',
  orphan: 'Orphan',
  false: 'Orphan',
};

/** The DeleteOptions body kubectl sends for these flags. */
export function deleteOptions(
  flags: Pick<DeleteFlags, 'cascade' | 'gracePeriod' | 'now' | 'force'>,
): Record<string, unknown> {
  const propagationPolicy = PROPAGATION[flags.cascade];
  if (!propagationPolicy) {
    throw new CliError(
      `invalid cascade value (${flags.cascade}). Must be "background", "foreground", or "orphan".`,
    );
  }
  const body: Record<string, unknown> = { propagationPolicy };
  if (flags.now) body.gracePeriodSeconds = 1;
  else if (flags.gracePeriod !== undefined && flags.gracePeriod >= 0)
    body.gracePeriodSeconds = flags.gracePeriod;
  if (flags.force && body.gracePeriodSeconds === undefined) body.gracePeriodSeconds = 0;
  return body;
}

export function registerDeleteCommand(program: Command): void {
  program
    .command('delete')
    .description('delete resources by name, label selector or file')
    .argument('[resources...]', 'TYPE NAME..., TYPE/NAME... or TYPE with -l/--all')
    .option(
      '-f, --filename <file>',
      'delete the objects in this file, directory or - (repeatable)',
      collect,
      [],
    )
    .option('-R, --recursive', 'process directories recursively')
    .option('-l, --selector <selector>', 'delete the objects matching this label selector')
    .option('--all', 'delete all objects of the type in the namespace')
    .option('--cascade <strategy>', 'background, foreground or orphan', 'background')
    .option(
      '--grace-period <seconds>',
      'seconds the object gets to terminate gracefully (-1: its default)',
      integer,
    )
    .option('--now', 'signal immediate shutdown (grace period 1)')
    .option('--force', 'remove immediately, without waiting for the node to confirm')
    .option(
      '--wait [bool]',
      'wait for the objects to be gone before returning; --wait=false returns at once',
      booleanValue,
      true,
    )
    .option(
      '--timeout <duration>',
      'give up waiting after this long (e.g. 30s, 2m); 0 waits without limit',
      '0s',
    )
    .option('--ignore-not-found', 'treat objects that do not exist as deleted')
    .action(
      withErrors(async (args: string[], flags: DeleteFlags, cmd: Command) => {
        const { client, namespace, explicitNamespace } = await commandContext(cmd);
        const options = deleteOptions(flags);
        const targets = await deleteTargets(client, args, flags, namespace, explicitNamespace);
        if (targets.length === 0 && !flags.ignoreNotFound && (flags.selector || flags.all)) {
          process.stderr.write(`No resources found in ${namespace} namespace.\n`);
          return;
        }
        if (flags.force && options.gracePeriodSeconds === 0) {
          process.stderr.write(
            'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
          );
        }
        const deleted: { target: DeleteTarget; uid?: string }[] = [];
        let failed = false;
        for (const target of targets) {
          try {
            const result = await client.delete<KubeObject>(
              target.info.kind,
              target.namespace,
              target.name,
              options,
            );
            const suffix = options.gracePeriodSeconds === 0 && flags.force ? ' (immediate)' : '';
            // kubectl names the deleted object by its lower-case kind: `deployment.apps "x" deleted`, `pod "x" deleted`.
            process.stdout.write(`${qualifiedKind(target.info)} "${target.name}" deleted${suffix}\n`);
            deleted.push({ target, uid: result?.metadata?.uid });
          } catch (err) {
            if (flags.ignoreNotFound && isStatusError(err, 'NotFound')) continue;
            failed = true;
            process.stderr.write(`${formatError(err)}\n`);
          }
        }
        if (flags.wait) {
          const deadline = timeoutDeadline(flags.timeout ?? '0s');
          for (const { target, uid } of deleted) {
            await waitUntilGone(client, target.info, target.namespace, target.name, uid, deadline);
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}

async function deleteTargets(
  client: KubeClient,
  args: string[],
  flags: DeleteFlags,
  namespace: string,
  explicitNamespace: boolean,
): Promise<DeleteTarget[]> {
  if (flags.filename.length > 0) {
    if (args.length > 0) throw new CliError('resource(s) were provided, but no name was specified');
    return loadManifests(flags.filename, { recursive: flags.recursive }).map((m) => {
      const obj = placeInNamespace(m, namespace, explicitNamespace);
      return { info: infoOf(obj), namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' };
    });
  }
  const selection = parseResourceArgs(args);
  const scope = (info: KindInfo) => (info.namespaced ? namespace : undefined);
  if (selection.kind === 'objects') {
    if (flags.selector || flags.all)
      throw new CliError('name cannot be provided when a selector is specified');
    return selection.objects.map(({ info, name }) => ({ info, namespace: scope(info), name }));
  }
  if (!flags.selector && !flags.all)
    throw new CliError('resource(s) were provided, but no name was specified');
  const targets: DeleteTarget[] = [];
  for (const info of selection.types) {
    const list = await client.list(info.kind, { namespace: scope(info), labelSelector: flags.selector });
    targets.push(...list.items.map((o) => ({ info, namespace: scope(info), name: o.metadata.name ?? '' })));
  }
  return targets;
}

/** Go duration subset kubectl users type (`30s`, `2m`, `1h30m`); 0 means no deadline. */
export function timeoutDeadline(text: string): number {
  const ms = parseDuration(text);
  return ms === 0 ? Number.POSITIVE_INFINITY : Date.now() + ms;
}

export function parseDuration(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text;
  while (rest.length > 0) {
    const m = rest.match(/^(\d+(?:\.\d+)?)(ms|s|m|h)/);
    if (!m) throw new CliError(`invalid duration "${text}"`);
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}
