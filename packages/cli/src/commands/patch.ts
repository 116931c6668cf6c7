// `ksim patch`: sends a strategic merge (default), JSON merge or JSON patch given inline or from a file, and
// says `patched (no change)` when the server hands back the object unchanged.
import { readFileSync } from 'node:fs';
import { CHANGE_CAUSE_ANNOTATION, deepEqual } from '@kubesim/api';
import type { PatchType } from '@kubesim/client';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { commandContext } from '../context.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { changeCause } from '../record.js';
import { objectRef } from '../resources/naming.js';
import { parseSingleObject } from '../resources/resource-args.js';
import { dryRunStrategy, dryRunSuffix } from './flags.js';

interface PatchFlags {
  patch?: string;
  patchFile?: string;
  type: string;
  record?: boolean;
  dryRun?: string | boolean;
}

const TYPES: Record<string, PatchType> = { strategic: 'strategic', merge: 'merge', json: 'json' };

/** The patch as JSON: kubectl accepts YAML for it too. */
export function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parse(text);
    } catch (err) {
      throw new CliError(`unable to parse "${text}": ${(err as Error).message.split('\n')[0]}`);
    }
  }
}

export function registerPatchCommand(program: Command): void {
  program
    .command('patch')
    .description('update fields of a resource with a strategic merge, JSON merge or JSON patch')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option('-p, --patch <patch>', 'the patch, JSON or YAML')
    .option('--patch-file <file>', 'a file holding the patch')
    .option('--type <type>', 'strategic, merge or json', 'strategic')
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .option('--dry-run [strategy]', 'none or server: only show what would change')
    .action(
      withErrors(async (args: string[], flags: PatchFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        const type = TYPES[flags.type];
        if (!type) throw new CliError(`--type must be one of [json merge strategic], not "${flags.type}"`);
        const text = flags.patchFile ? readFileSync(flags.patchFile, 'utf8') : flags.patch;
        if (!text)
          throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
        const body = parsePatch(text);
        const dryRun = dryRunStrategy(flags.dryRun);
        let failed = false;
        for (const { info, name } of parseSingleObject(args)) {
          try {
            const ns = info.namespaced ? namespace : undefined;
            const before = await client.get(info.kind, ns, name);
            const query: Record<string, string> = { fieldManager: 'kubectl-patch' };
            if (dryRun !== 'none') query.dryRun = 'All';
            const after = await client.patch(info.kind, ns, name, type, body, { query });
            if (flags.record && dryRun === 'none') {
              await client.patch(info.kind, ns, name, 'merge', {
                metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: changeCause(cmd) } },
              });
            }
            const unchanged = deepEqual(before, after);
            process.stdout.write(
              `${objectRef(info, name)} patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(dryRun === 'none' ? 'none' : 'server')}\n`,
            );
          } catch (err) {
            failed = true;
            process.stderr.write(`${formatError(err)}\n`);
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}
