// `ksim rollout status|history|undo|pause|resume|restart` for Deployments, DaemonSets and StatefulSets, with
// kubectl's requests and messages (history and undo are computed here from ReplicaSets or ControllerRevisions).
import { isStatusError, type KubeObject, REVISION_ANNOTATION } from '@kubesim/api';
import type { KubeClient } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { selectorText } from '../describe/format.js';
import { CliError, withErrors } from '../errors.js';
import { objectRef, quotedRef } from '../resources/naming.js';
import { type ObjectTarget, parseSingleObject } from '../resources/resource-args.js';
import {
  controllerRevisionRollback,
  controllerRevisions,
  deploymentRevisions,
  deploymentRollback,
  historyDetail,
  historyTable,
  type Revision,
  rollbackTarget,
} from '../rollout/history.js';
import { rolloutStatus } from '../rollout/status.js';
import { parseDuration } from './delete.js';
import { booleanValue, integer } from './flags.js';

const ROLLOUT_KINDS = ['Deployment', 'DaemonSet', 'StatefulSet'];

interface Target extends ObjectTarget {
  namespace: string | undefined;
}

async function targets(cmd: Command, args: string[]): Promise<{ client: KubeClient; list: Target[] }> {
  const { client, namespace } = await commandContext(cmd);
  const list = parseSingleObject(args).map((t) => ({
    ...t,
    namespace: t.info.namespaced ? namespace : undefined,
  }));
  for (const t of list) {
    if (!ROLLOUT_KINDS.includes(t.info.kind))
      throw new CliError(
        `no rollout support for ${t.info.resource}; use deployments, daemonsets or statefulsets`,
      );
  }
  return { client, list };
}

/** The object and its revisions: controlled ReplicaSets or ControllerRevisions found by the object's selector. */
async function revisionsOf(
  client: KubeClient,
  t: Target,
): Promise<{ obj: KubeObject; revisions: Revision[] }> {
  const obj = await client.get(t.info.kind, t.namespace, t.name);
  const labelSelector = selectorText(obj.spec?.selector);
  if (t.info.kind === 'Deployment') {
    const rs = await client.list('ReplicaSet', { namespace: t.namespace, labelSelector });
    return { obj, revisions: deploymentRevisions(obj, rs.items) };
  }
  const crs = await client.list('ControllerRevision', { namespace: t.namespace, labelSelector });
  return { obj, revisions: controllerRevisions(obj, crs.items) };
}

export function registerRolloutCommand(program: Command): void {
  const rollout = program
    .command('rollout')
    .description('manage the rollout of a Deployment, DaemonSet or StatefulSet');

  rollout
    .command('status')
    .description('watch the rollout until it completes')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option(
      '-w, --watch [bool]',
      'keep watching until the rollout is done (--watch=false: print once)',
      booleanValue,
      true,
    )
    .option('--revision <n>', 'pin to this revision (deployments)', integer)
    .option('--timeout <duration>', 'give up after this long; 0 waits without limit', '0s')
    .action(
      withErrors(
        async (
          args: string[],
          flags: { watch: boolean; revision?: number; timeout: string },
          cmd: Command,
        ) => {
          const { client, list } = await targets(cmd, args);
          const ms = parseDuration(flags.timeout);
          for (const t of list)
            await watchRollout(
              client,
              t,
              flags.watch,
              flags.revision,
              ms === 0 ? Number.POSITIVE_INFINITY : Date.now() + ms,
            );
        },
      ),
    );

  rollout
    .command('history')
    .description('show the revisions of a rollout')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option('--revision <n>', 'show the pod template of this revision', integer, 0)
    .action(
      withErrors(async (args: string[], flags: { revision: number }, cmd: Command) => {
        const { client, list } = await targets(cmd, args);
        if (flags.revision < 0) throw new CliError(`revision must be a positive integer: ${flags.revision}`);
        for (const t of list) {
          const { revisions } = await revisionsOf(client, t);
          const info =
            flags.revision > 0 ? historyDetail(revisions, flags.revision) : historyTable(revisions);
          const heading = flags.revision > 0 ? `with revision #${flags.revision}` : '';
          process.stdout.write(`${objectRef(t.info, t.name)} ${heading}\n${info}\n`);
        }
      }),
    );

  rollout
    .command('undo')
    .description('roll back to a previous revision')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option('--to-revision <n>', 'the revision to roll back to (default: the previous one)', integer, 0)
    .action(
      withErrors(async (args: string[], flags: { toRevision: number }, cmd: Command) => {
        const { client, list } = await targets(cmd, args);
        for (const t of list) {
          const { obj, revisions } = await revisionsOf(client, t);
          const description = `${t.info.singular} "${t.name}"`;
          const target = rollbackTarget(revisions, flags.toRevision, description);
          const rollback =
            t.info.kind === 'Deployment'
              ? deploymentRollback(obj, target, flags.toRevision)
              : controllerRevisionRollback(obj, target, flags.toRevision);
          if (rollback.kind === 'skip') {
            process.stdout.write(`${objectRef(t.info, t.name)} ${rollback.message}\n`);
            continue;
          }
          try {
            if (rollback.kind === 'json-patch')
              await client.patch(t.info.kind, t.namespace, t.name, 'json', rollback.patch);
            else await client.patch(t.info.kind, t.namespace, t.name, 'strategic', rollback.patch);
          } catch (err) {
            throw new CliError(`failed restoring revision ${flags.toRevision}: ${(err as Error).message}`);
          }
          process.stdout.write(`${objectRef(t.info, t.name)} rolled back\n`);
        }
      }),
    );

  const pauseOrResume = (verb: 'pause' | 'resume') =>
    withErrors(async (args: string[], _flags: unknown, cmd: Command) => {
      const { client, list } = await targets(cmd, args);
      for (const t of list) {
        const refusal = (why: string) => new CliError(`${quotedRef(t.info, t.name)} ${why}`);
        if (t.info.kind !== 'Deployment')
          throw refusal(verb === 'pause' ? 'pausing is not supported' : 'resuming is not supported');
        const obj = await client.get(t.info.kind, t.namespace, t.name);
        const paused = obj.spec?.paused === true;
        if (verb === 'pause' && paused) throw refusal('is already paused');
        if (verb === 'resume' && !paused) throw refusal('is not paused');
        const patch = { spec: { paused: verb === 'pause' ? true : null } };
        await client.patch(t.info.kind, t.namespace, t.name, 'strategic', patch, {
          query: { fieldManager: 'kubectl-rollout' },
        });
        process.stdout.write(`${objectRef(t.info, t.name)} ${verb === 'pause' ? 'paused' : 'resumed'}\n`);
      }
    });
  rollout
    .command('pause')
    .description('pause a Deployment: template changes wait until resume')
    .argument('<resources...>')
    .action(pauseOrResume('pause'));
  rollout
    .command('resume')
    .description('resume a paused Deployment')
    .argument('<resources...>')
    .action(pauseOrResume('resume'));

  rollout
    .command('restart')
    .description('restart all pods by stamping the template with kubectl.kubernetes.io/restartedAt')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .action(
      withErrors(async (args: string[], _flags: unknown, cmd: Command) => {
        const { client, list } = await targets(cmd, args);
        for (const t of list) {
          const obj = await client.get(t.info.kind, t.namespace, t.name);
          if (obj.spec?.paused)
            throw new CliError(
              `${quotedRef(t.info, t.name)} can't restart paused deployment (run rollout resume first)`,
            );
          const patch = {
            spec: {
              template: {
                metadata: {
                  annotations: {
                    'kubectl.kubernetes.io/restartedAt': new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
                  },
                },
              },
            },
          };
          await client.patch(t.info.kind, t.namespace, t.name, 'strategic', patch, {
            query: { fieldManager: 'kubectl-rollout' },
          });
          process.stdout.write(`${objectRef(t.info, t.name)} restarted\n`);
        }
      }),
    );
}

/** Prints the rollout status on every change until it is done (kubectl's list+watch by name, re-watching). */
async function watchRollout(
  client: KubeClient,
  t: Target,
  watch: boolean,
  revision: number | undefined,
  deadline: number,
): Promise<void> {
  const check = (obj: KubeObject): boolean => {
    if (revision !== undefined && t.info.kind === 'Deployment') {
      const running = Number(obj.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
      if (running !== revision)
        throw new CliError(
          `desired revision (${revision}) is different from the running revision (${running})`,
        );
    }
    const status = rolloutStatus(obj);
    process.stdout.write(status.message);
    return status.done;
  };
  const first = await client.get(t.info.kind, t.namespace, t.name);
  if (check(first) || !watch) return;
  let resourceVersion = first.metadata.resourceVersion;
  while (Date.now() < deadline) {
    const abort = new AbortController();
    const timer = Number.isFinite(deadline)
      ? setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()))
      : undefined;
    try {
      for await (const event of client.watch(t.info.kind, {
        namespace: t.namespace,
        fieldSelector: `metadata.name=${t.name}`,
        resourceVersion,
        signal: abort.signal,
      })) {
        if (event.type === 'ERROR') {
          // Behind the compaction horizon: relist from now, as an informer does.
          resourceVersion = (await client.get(t.info.kind, t.namespace, t.name)).metadata.resourceVersion;
          break;
        }
        if (event.type === 'DELETED') throw new CliError(`object has been deleted`);
        if (event.type === 'BOOKMARK') continue;
        resourceVersion = event.object.metadata.resourceVersion;
        if (check(event.object)) return;
      }
    } catch (err) {
      // A broken watch stream is re-opened from the last seen version, an expired one from a fresh read; the
      // CLI's own verdicts and other server errors end the wait.
      if (err instanceof CliError || (isStatusError(err) && err.code !== 410)) throw err;
      if (isStatusError(err))
        resourceVersion = (await client.get(t.info.kind, t.namespace, t.name)).metadata.resourceVersion;
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }
  throw new CliError('timed out waiting for the condition');
}
