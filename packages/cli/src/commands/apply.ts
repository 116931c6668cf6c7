// `ksim apply -f FILE`: kubectl's client-side apply. The manifest is kept in the last-applied-configuration
// annotation; an absent object is created, a present one gets the three-way strategic merge patch between the
// last applied manifest, the new one and the live object, and nothing is sent when that patch is empty.
import {
  canonicalJson,
  isRecord,
  isStatusError,
  type JsonRecord,
  type KubeObject,
  LAST_APPLIED_CONFIG_ANNOTATION,
} from '@kubesim/api';
import type { KubeClient } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { formatError, inContext, withErrors } from '../errors.js';
import { parseOutputFormat, printObjects } from '../output/printers.js';
import { threeWayMergePatch } from '../patch/strategic-diff.js';
import { changeCause, recordChangeCause } from '../record.js';
import { loadManifests, placeInNamespace } from '../resources/manifests.js';
import { infoOf, objectRef } from '../resources/naming.js';
import { collect, type DryRun, dryRunStrategy, dryRunSuffix } from './flags.js';

interface ApplyFlags {
  filename: string[];
  recursive?: boolean;
  record?: boolean;
  dryRun?: string | boolean;
  output?: string;
}

const FIELD_MANAGER = { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' };

/**
 * The annotation's value: the object without the annotation itself, as compact JSON with sorted keys and a final
 * newline (what kubectl's unstructured encoder writes), annotations present even when empty.
 */
export function lastAppliedConfiguration(obj: KubeObject): string {
  const { [LAST_APPLIED_CONFIG_ANNOTATION]: _, ...annotations } = obj.metadata.annotations ?? {};
  return `${canonicalJson({ ...obj, metadata: { ...obj.metadata, annotations } })}\n`;
}

export type ApplyResult = 'created' | 'configured' | 'unchanged';

/** Applies one object; returns what happened and the object as the server (or the dry run) has it. */
export async function applyObject(
  client: KubeClient,
  manifest: KubeObject,
  dryRun: DryRun,
): Promise<{ result: ApplyResult; object: KubeObject }> {
  const modified = structuredClone(manifest);
  modified.metadata.annotations = {
    ...modified.metadata.annotations,
    [LAST_APPLIED_CONFIG_ANNOTATION]: lastAppliedConfiguration(manifest),
  };
  const info = infoOf(modified);
  const namespace = info.namespaced ? modified.metadata.namespace : undefined;
  const name = modified.metadata.name ?? '';
  const query: Record<string, string> =
    dryRun === 'server' ? { ...FIELD_MANAGER, dryRun: 'All' } : FIELD_MANAGER;
  let current: KubeObject;
  try {
    current = await client.get(info.kind, namespace, name);
  } catch (err) {
    if (!isStatusError(err, 'NotFound')) throw err;
    const created = dryRun === 'client' ? modified : await client.create(modified, query);
    return { result: 'created', object: created };
  }
  const lastApplied = current.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION];
  if (lastApplied === undefined) {
    process.stderr.write(
      `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED_CONFIG_ANNOTATION} annotation which is required by ksim apply. ksim apply should only be used on resources created declaratively by either ksim create --save-config or ksim apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = threeWayMergePatch(
    parseLastApplied(lastApplied),
    modified as unknown as JsonRecord,
    current as unknown as JsonRecord,
  );
  if (Object.keys(patch).length === 0) return { result: 'unchanged', object: current };
  if (dryRun === 'client') return { result: 'configured', object: current };
  const patched = await client.patch(info.kind, namespace, name, 'strategic', patch, { query });
  return { result: 'configured', object: patched };
}

function parseLastApplied(text: string | undefined): JsonRecord | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function registerApplyCommand(program: Command): void {
  program
    .command('apply')
    .description('apply a configuration to resources from files or stdin (client-side apply)')
    .option('-f, --filename <file>', 'file, directory or - for stdin (repeatable)', collect, [])
    .option('-R, --recursive', 'process directories recursively')
    .option('--record', 'record the command in the kubernetes.io/change-cause annotation')
    .option('--dry-run [strategy]', 'none, client or server: only show what would change')
    .option('-o, --output <format>', 'output format: name, json, yaml, jsonpath=TEMPLATE')
    .action(
      withErrors(async (flags: ApplyFlags, cmd: Command) => {
        const { client, namespace, explicitNamespace } = await commandContext(cmd);
        const dryRun = dryRunStrategy(flags.dryRun);
        const format = flags.output ? parseOutputFormat(flags.output) : undefined;
        const cause = flags.record ? changeCause(cmd) : undefined;
        let failed = false;
        for (const manifest of loadManifests(flags.filename, { recursive: flags.recursive })) {
          try {
            const obj = placeInNamespace(manifest, namespace, explicitNamespace);
            if (cause) recordChangeCause(obj, cause);
            const { result, object } = await applyObject(client, obj, dryRun);
            const info = infoOf(obj);
            process.stdout.write(
              format
                ? printObjects([{ obj: object, info }], format, true)
                : `${objectRef(info, obj.metadata.name ?? '')} ${result}${dryRunSuffix(dryRun)}\n`,
            );
          } catch (err) {
            failed = true;
            process.stderr.write(
              `${formatError(inContext(err, `error when applying "${manifest.source}"`))}\n`,
            );
          }
        }
        if (failed) process.exitCode = 1;
      }),
    );
}
