// `ksim edit`: opens the object as YAML (or JSON) in $KUBE_EDITOR, $EDITOR or vi, then sends what changed as a
// two-way strategic merge patch with fieldManager=kubectl-edit, as kubectl edit does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepEqual, isRecord, type JsonRecord, type KubeObject } from '@kubesim/api';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { commandContext } from '../context.js';
import { CliError, withErrors } from '../errors.js';
import { forPrinting } from '../output/printers.js';
import { formatStructured, type StructuredFormat } from '../output/structured.js';
import { twoWayMergePatch } from '../patch/strategic-diff.js';
import { changeCause, recordChangeCause } from '../record.js';
import { objectRef } from '../resources/naming.js';
import { parseSingleObject } from '../resources/resource-args.js';

interface EditFlags {
  output: string;
  record?: boolean;
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export const EDIT_CANCELLED = 'Edit cancelled, no changes made.';

/** The text the editor shows: kubectl's header comment, then the object. */
export function editableText(obj: KubeObject, format: StructuredFormat): string {
  return HEADER + formatStructured(obj, format);
}

/** What the user saved, without comment lines; undefined for an emptied file (which cancels the edit). */
export function readEdited(text: string): JsonRecord | undefined {
  const content = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  if (content.trim() === '') return undefined;
  const value = parse(content) as unknown;
  if (!isRecord(value)) throw new CliError('the edited file does not hold an object');
  return value;
}

/** The patch to send, or undefined when nothing changed; refuses a changed identity as kubectl does. */
export function editPatch(original: JsonRecord, edited: JsonRecord): JsonRecord | undefined {
  if (deepEqual(original, edited)) return undefined;
  const name = (o: JsonRecord) => (isRecord(o.metadata) ? o.metadata.name : undefined);
  if (
    original.apiVersion !== edited.apiVersion ||
    original.kind !== edited.kind ||
    name(original) !== name(edited)
  ) {
    throw new CliError('At least one of apiVersion, kind and name was changed');
  }
  const patch = twoWayMergePatch(original, edited);
  return Object.keys(patch).length === 0 ? undefined : patch;
}

function runEditor(file: string): void {
  const editor = process.env.KUBE_EDITOR || process.env.EDITOR || 'vi';
  // Through a shell, so an editor given with arguments (`code --wait`) works; the file is passed as $1.
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
  if (result.error) throw new CliError(`unable to launch the editor "${editor}": ${result.error.message}`);
  if (result.status !== 0) throw new CliError(`there was a problem with the editor "${editor}"`);
}

export function registerEditCommand(program: Command): void {
  program
    .command('edit')
    .description('edit a resource in your editor and apply the changes')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option('-o, --output <format>', 'yaml or json, the format to edit in', 'yaml')
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .action(
      withErrors(async (args: string[], flags: EditFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        if (flags.output !== 'yaml' && flags.output !== 'json')
          throw new CliError('the edit mode must be one of yaml or json');
        const format = flags.output;
        for (const { info, name } of parseSingleObject(args)) {
          const ns = info.namespaced ? namespace : undefined;
          const shown = editableText(forPrinting(await client.get(info.kind, ns, name), info), format);
          const file = join(mkdtempSync(join(tmpdir(), 'ksim-edit-')), `${name}.${format}`);
          writeFileSync(file, shown);
          runEditor(file);
          const edited = readEdited(readFileSync(file, 'utf8'));
          const original = readEdited(shown) as JsonRecord;
          if (edited === undefined || editPatch(original, edited) === undefined) {
            process.stdout.write(`${EDIT_CANCELLED}\n`);
            continue;
          }
          if (flags.record) recordChangeCause(edited as unknown as KubeObject, changeCause(cmd));
          try {
            await client.patch(info.kind, ns, name, 'strategic', editPatch(original, edited), {
              query: { fieldManager: 'kubectl-edit', fieldValidation: 'Strict' },
            });
          } catch (err) {
            process.stderr.write(`A copy of your changes has been stored to "${file}"\n`);
            throw err;
          }
          process.stdout.write(`${objectRef(info, name)} edited\n`);
        }
      }),
    );
}
