// `ksim create -f FILE`: creates every object in the manifests, as kubectl's POST with fieldManager=kubectl-create.
import { type KubeObject, LAST_APPLIED_CONFIG_ANNOTATION } from '@kubesim/api';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { formatError, inContext, withErrors } from '../errors.js';
import { parseOutputFormat, printObjects } from '../output/printers.js';
import { changeCause, recordChangeCause } from '../record.js';
import { loadManifests, placeInNamespace } from '../resources/manifests.js';
import { infoOf, objectRef } from '../resources/naming.js';
import { lastAppliedConfiguration } from './apply.js';
import { collect, dryRunStrategy, dryRunSuffix } from './flags.js';

interface CreateFlags {
  filename: string[];
  recursive?: boolean;
  record?: boolean;
  saveConfig?: boolean;
  dryRun?: string | boolean;
  output?: string;
}

export function registerCreateCommand(program: Command): void {
  program
    .command('create')
    .description('create resources from files or stdin')
    .option('-f, --filename <file>', 'file, directory or - for stdin (repeatable)', collect, [])
    .option('-R, --recursive', 'process directories recursively')
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .option('--save-config', 'store the configuration in the last-applied annotation, for later apply')
    .option('--dry-run [strategy]', 'none, client or server: only show what would be created')
    .option('-o, --output <format>', 'output format: name, json, yaml, jsonpath=TEMPLATE')
    .action(
      withErrors(async (flags: CreateFlags, cmd: Command) => {
        const { client, namespace, explicitNamespace } = await commandContext(cmd);
        const dryRun = dryRunStrategy(flags.dryRun);
        const format = flags.output ? parseOutputFormat(flags.output) : undefined;
        const cause = flags.record ? changeCause(cmd) : undefined;
        let failed = false;
        for (const manifest of loadManifests(flags.filename, { recursive: flags.recursive })) {
          try {
            const obj = placeInNamespace(manifest, namespace, explicitNamespace);
            if (cause) recordChangeCause(obj, cause);
            if (flags.saveConfig) {
              obj.metadata.annotations = {
                ...obj.metadata.annotations,
                [LAST_APPLIED_CONFIG_ANNOTATION]: lastAppliedConfiguration(obj),
              };
            }
            const info = infoOf(obj);
            const query: Record<string, string> = {
              fieldManager: 'kubectl-create',
              fieldValidation: 'Strict',
            };
            if (dryRun === 'server') query.dryRun = 'All';
            const created: KubeObject = dryRun === 'client' ? obj : await client.create(obj, query);
            process.stdout.write(
              format
                ? printObjects([{ obj: created, info }], format, true)
                : `${objectRef(info, created.metadata.name ?? '')} created${dryRunSuffix(dryRun)}\n`,
            );
          } catch (err) {
            failed = true;
            process.stderr.write(
              `${formatError(inContext(err, `error when creating "${manifest.source}"`))}\n`,
            );
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}
