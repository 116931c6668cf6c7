// `ksim at REV get TYPE [NAME…]`: the cluster as it was at a past revision, folded from the event log (the same
// fold the store's replay is) and printed like `get`, with the API server's own table printers.
import { type KindInfo, type KubeObject, parseLabelSelector, renderTable } from '@kubesim/api';
import type { Command } from 'commander';
import { commandContext, fromLogStart, withStore } from '../context.js';
import { CliError, withErrors } from '../errors.js';
import { parseOutputFormat, printObjects } from '../output/printers.js';
import { type Table, tableHeaders, tableRows } from '../output/server-table.js';
import { formatTable } from '../output/table.js';
import { qualifiedKind, quotedRef } from '../resources/naming.js';
import { parseResourceArgs } from '../resources/resource-args.js';
import { integer } from './flags.js';

interface AtFlags {
  output?: string;
  selector?: string;
  allNamespaces?: boolean;
  showLabels?: boolean;
}

export function registerAtCommand(program: Command): void {
  program
    .command('at')
    .description(
      'show the cluster as it was at a past revision of the event log: ksim at REV get TYPE [NAME...]',
    )
    .argument('<revision>', 'the revision', integer)
    .argument('<verb>', 'get')
    .argument('<resources...>', 'TYPE [NAME...] or TYPE/NAME...')
    .option('-o, --output <format>', 'output format: name, json, yaml, jsonpath=TEMPLATE')
    .option('-l, --selector <selector>', 'label selector to filter on')
    .option('-A, --all-namespaces', 'across all namespaces')
    .option('--show-labels', 'show all labels as the last column')
    .action(
      withErrors(async (revision: number, verb: string, args: string[], flags: AtFlags, cmd: Command) => {
        if (verb !== 'get') throw new CliError(`ksim at supports get only, not "${verb}"`);
        const { namespace } = await commandContext(cmd);
        const ns = flags.allNamespaces ? undefined : namespace;
        const format = parseOutputFormat(flags.output);
        const selection = parseResourceArgs(args);
        const kinds =
          selection.kind === 'types' ? selection.types : [...new Set(selection.objects.map((o) => o.info))];
        const selector = flags.selector ? parseLabelSelector(flags.selector) : undefined;
        if (selector?._tag === 'Left') throw new CliError(selector.left.message);
        const { items, head } = await withStore(async (store) => {
          const now = await store.revision();
          if (revision > now)
            throw new CliError(`revision ${revision} is in the future: the event log is at revision ${now}`);
          const at = await fromLogStart(store, `the cluster at revision ${revision}`, () =>
            store.replay({ toRevision: revision, kinds: kinds.map((k) => k.kind) }),
          );
          return { ...at, head: now };
        });
        const inScope = (o: KubeObject, info: KindInfo) =>
          (!info.namespaced || ns === undefined || o.metadata.namespace === ns) &&
          (selector?._tag !== 'Right' || selector.right.matches(o.metadata.labels));
        const found: { obj: KubeObject; info: KindInfo }[] = [];
        const missing: string[] = [];
        if (selection.kind === 'types') {
          for (const info of kinds) {
            const objs = items
              .filter((o) => o.kind === info.kind && inScope(o, info))
              .sort(byNamespaceAndName);
            found.push(...objs.map((obj) => ({ obj, info })));
          }
        } else {
          for (const { info, name } of selection.objects) {
            const obj = items.find(
              (o) => o.kind === info.kind && o.metadata.name === name && inScope(o, info),
            );
            if (obj) found.push({ obj, info });
            else missing.push(`${quotedRef(info, name)} not found at revision ${revision}`);
          }
        }
        if (format.kind !== 'table') {
          if (found.length > 0)
            process.stdout.write(
              printObjects(found, format, selection.kind === 'objects' && found.length === 1),
            );
        } else {
          printTables(found, ns, flags, format.wide, Date.now());
        }
        if (found.length === 0 && missing.length === 0) {
          process.stderr.write(
            ns === undefined
              ? `No resources found at revision ${revision} (head ${head})\n`
              : `No resources found in ${ns} namespace at revision ${revision}.\n`,
          );
        }
        if (missing.length > 0) throw new CliError(missing.join('\n'));
      }),
    );
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  return (
    (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
    (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')
  );
}

function printTables(
  found: { obj: KubeObject; info: KindInfo }[],
  ns: string | undefined,
  flags: AtFlags,
  wide: boolean,
  now: number,
): void {
  const kinds = [...new Set(found.map((f) => f.info))];
  kinds.forEach((info, i) => {
    // The same printers the API server uses, so the past reads exactly like `get` does today.
    const table = renderTable(
      info.kind,
      found.filter((f) => f.info === info).map((f) => f.obj),
      now,
    ) as Table;
    const opts = {
      wide,
      withNamespace: ns === undefined && info.namespaced,
      showLabels: flags.showLabels,
      kindPrefix: kinds.length > 1 ? qualifiedKind(info) : undefined,
    };
    const columns = table.columnDefinitions ?? [];
    if (i > 0) process.stdout.write('\n');
    process.stdout.write(
      formatTable(tableHeaders(columns, opts), tableRows(columns, table.rows ?? [], opts)),
    );
  });
}
