// `ksim scale`: sets replicas through the /scale subresource with a JSON merge patch, as kubectl does.
import { CHANGE_CAUSE_ANNOTATION } from '@kubesim/api';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { changeCause } from '../record.js';
import { objectRef } from '../resources/naming.js';
import { parseSingleObject } from '../resources/resource-args.js';
import { integer } from './flags.js';

interface ScaleFlags {
  replicas?: number;
  currentReplicas?: number;
  record?: boolean;
}

export function registerScaleCommand(program: Command): void {
  program
    .command('scale')
    .description('set a new size for a Deployment, ReplicaSet or StatefulSet')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .requiredOption('--replicas <count>', 'the new number of replicas', integer)
    .option('--current-replicas <count>', 'precondition: only scale if the current replicas match', integer)
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .action(
      withErrors(async (args: string[], flags: ScaleFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        if (flags.replicas === undefined || flags.replicas < 0)
          throw new CliError(
            'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
          );
        let failed = false;
        for (const { info, name } of parseSingleObject(args)) {
          try {
            if (!info.scaleSubresource)
              throw new CliError(`no scaler has been implemented for {"${info.group}" "${info.kind}"}`);
            const ns = info.namespaced ? namespace : undefined;
            const current = await client.get(info.kind, ns, name);
            if (flags.currentReplicas !== undefined && current.spec?.replicas !== flags.currentReplicas) {
              throw new CliError(
                `Expected replicas to be ${flags.currentReplicas}, was ${current.spec?.replicas}`,
              );
            }
            await client.patch(
              info.kind,
              ns,
              name,
              'merge',
              { spec: { replicas: flags.replicas } },
              { subresource: 'scale' },
            );
            if (flags.record) {
              await client.patch(info.kind, ns, name, 'merge', {
                metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: changeCause(cmd) } },
              });
            }
            process.stdout.write(`${objectRef(info, name)} scaled\n`);
          } catch (err) {
            failed = true;
            process.stderr.write(`${formatError(err)}\n`);
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}
