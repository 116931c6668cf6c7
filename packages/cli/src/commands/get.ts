// `ksim get`: objects as the API server's Tables (kubectl's columns and spacing), or as name/json/yaml/jsonpath,
// optionally watching for changes and printing a row per event like `kubectl get -w`.
import { isStatusError, type KindInfo, type KubeList, type KubeObject } from '@kubesim/api';
import { collectionPath, type KubeClient, objectPath } from '@kubesim/client';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, formatError, withErrors } from '../errors.js';
import { parseOutputFormat, printObjects } from '../output/printers.js';
import {
  isTable,
  TABLE_ACCEPT,
  type Table,
  type TablePrintOptions,
  tableHeaders,
  tableRows,
} from '../output/server-table.js';
import { StreamingTable } from '../output/table.js';
import { qualifiedKind } from '../resources/naming.js';
import { type ObjectTarget, parseResourceArgs } from '../resources/resource-args.js';

export interface GetFlags {
  selector?: string;
  fieldSelector?: string;
  output?: string;
  watch?: boolean;
  showLabels?: boolean;
  allNamespaces?: boolean;
}

/** What one `get` asks for: whole collections of some kinds, or named objects, in a namespace or all of them. */
interface Query {
  client: KubeClient;
  /** undefined for all namespaces. */
  namespace: string | undefined;
  flags: GetFlags;
}

export function registerGetCommand(program: Command): void {
  program
    .command('get')
    .description('display one or many resources')
    .argument('[resources...]', 'TYPE [NAME...], TYPE1,TYPE2, TYPE/NAME... or all')
    .option('-l, --selector <selector>', 'label selector to filter on (e.g. app=nginx,tier!=db)')
    .option('--field-selector <selector>', 'field selector to filter on (e.g. metadata.name=web-0)')
    .option('-o, --output <format>', 'output format: wide, name, json, yaml, jsonpath=TEMPLATE')
    .option('-w, --watch', 'after listing, watch for changes and print a row per change')
    .option('--show-labels', 'show all labels as the last column')
    .option('-A, --all-namespaces', 'list across all namespaces')
    .action(
      withErrors(async (args: string[], flags: GetFlags, cmd: Command) => {
        const { client, namespace } = await commandContext(cmd);
        await runGet(args, { client, namespace: flags.allNamespaces ? undefined : namespace, flags });
      }),
    );
}

export async function runGet(args: readonly string[], query: Query): Promise<void> {
  const selection = parseResourceArgs(args);
  const format = parseOutputFormat(query.flags.output);
  if (selection.kind === 'objects' && query.namespace === undefined) {
    throw new CliError('a resource cannot be retrieved by name across all namespaces');
  }
  if (query.flags.watch) {
    if (
      selection.kind === 'types'
        ? selection.types.length !== 1
        : new Set(selection.objects.map((o) => o.info)).size !== 1
    ) {
      throw new CliError(
        'watch is only supported on individual resources and resource collections, but 2 resources were found.',
      );
    }
  }
  if (format.kind !== 'table') {
    const found = await fetchObjects(selection, query);
    const single = selection.kind === 'objects' && selection.objects.length === 1;
    if (found.objects.length > 0) process.stdout.write(printObjects(found.objects, format, single));
    if (query.flags.watch) await watchObjects(selection, query, found.resourceVersion, format);
    return finish(found.errors, found.objects.length === 0 && selection.kind === 'types', query);
  }
  const tables = await fetchTables(selection, query);
  const withKind = new Set(tables.map((t) => t.info)).size > 1;
  const printed = tables.filter((t) => (t.table.rows ?? []).length > 0);
  const printer = new StreamingTable();
  printed.forEach((t, i) => {
    const opts = printOptions(t.info, query, format.wide, withKind);
    const columns = t.table.columnDefinitions ?? [];
    if (i > 0) process.stdout.write('\n');
    process.stdout.write(
      (i === 0 ? printer : new StreamingTable()).rows([
        tableHeaders(columns, opts),
        ...tableRows(columns, t.table.rows ?? [], opts),
      ]),
    );
  });
  if (query.flags.watch && tables.length > 0) {
    const [first] = tables;
    await watchTable(first, selection, query, printer, printed.length > 0, format.wide);
  }
  finish(
    tables.flatMap((t) => t.errors),
    printed.length === 0 && selection.kind === 'types' && !query.flags.watch,
    query,
  );
}

function printOptions(info: KindInfo, query: Query, wide: boolean, withKind: boolean): TablePrintOptions {
  return {
    wide,
    withNamespace: query.namespace === undefined && info.namespaced,
    showLabels: query.flags.showLabels,
    kindPrefix: withKind ? qualifiedKind(info) : undefined,
  };
}

/** Reports per-object failures after the output, and kubectl's "No resources found" when nothing matched. */
function finish(errors: unknown[], nothingFound: boolean, query: Query): void {
  if (nothingFound && errors.length === 0) {
    process.stderr.write(
      query.namespace === undefined
        ? 'No resources found\n'
        : `No resources found in ${query.namespace} namespace.\n`,
    );
  }
  for (const err of errors) process.stderr.write(`${formatError(err)}\n`);
  if (errors.length > 0) process.exitCode = 1;
}

function listQuery(query: Query, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (query.flags.selector) q.set('labelSelector', query.flags.selector);
  if (query.flags.fieldSelector) q.set('fieldSelector', query.flags.fieldSelector);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

const scope = (info: KindInfo, namespace: string | undefined) => (info.namespaced ? namespace : undefined);

interface FetchedTable {
  info: KindInfo;
  table: Table;
  /** The object names of a named get, for the watch's field selector. */
  names?: string[];
  errors: unknown[];
}

/** One Table per kind: the collection's, or the rows of the named objects merged in order. */
async function fetchTables(
  selection: ReturnType<typeof parseResourceArgs>,
  query: Query,
): Promise<FetchedTable[]> {
  if (selection.kind === 'types') {
    const out: FetchedTable[] = [];
    for (const info of selection.types) {
      const path = collectionPath(info, scope(info, query.namespace)) + listQuery(query, { limit: '500' });
      out.push({ info, table: asTable(await query.client.getPath(path, TABLE_ACCEPT)), errors: [] });
    }
    return out;
  }
  const out: FetchedTable[] = [];
  for (const group of groupByKind(selection.objects)) {
    const fetched: FetchedTable = {
      info: group.info,
      table: { kind: 'Table', rows: [] },
      names: [],
      errors: [],
    };
    for (const name of group.names) {
      try {
        const one = asTable(
          await query.client.getPath(
            objectPath(group.info, scope(group.info, query.namespace), name),
            TABLE_ACCEPT,
          ),
        );
        fetched.table.columnDefinitions ??= one.columnDefinitions;
        fetched.table.metadata ??= one.metadata;
        fetched.table.rows?.push(...(one.rows ?? []));
        fetched.names?.push(name);
      } catch (err) {
        if (!isStatusError(err)) throw err;
        fetched.errors.push(err);
      }
    }
    out.push(fetched);
  }
  return out;
}

/** Consecutive targets of one kind, so `get deploy a b` prints one table and `get deploy/a po/b` two. */
function groupByKind(objects: readonly ObjectTarget[]): { info: KindInfo; names: string[] }[] {
  const groups: { info: KindInfo; names: string[] }[] = [];
  for (const o of objects) {
    const last = groups[groups.length - 1];
    if (last && last.info === o.info) last.names.push(o.name);
    else groups.push({ info: o.info, names: [o.name] });
  }
  return groups;
}

/** A server that answers a plain list instead of a Table still prints, with kubectl's NAME and AGE fallback. */
function asTable(value: unknown): Table {
  if (isTable(value)) return value;
  const list = value as Partial<KubeList> & KubeObject;
  const items = Array.isArray(list.items) ? list.items : [list];
  return {
    kind: 'Table',
    metadata: { resourceVersion: list.metadata?.resourceVersion },
    columnDefinitions: [{ name: 'Name', format: 'name' }, { name: 'Created At' }],
    rows: items.map((o) => ({
      cells: [o.metadata?.name, o.metadata?.creationTimestamp],
      object: { metadata: o.metadata },
    })),
  };
}

interface FetchedObjects {
  objects: { obj: KubeObject; info: KindInfo }[];
  resourceVersion?: string;
  errors: unknown[];
}

async function fetchObjects(
  selection: ReturnType<typeof parseResourceArgs>,
  query: Query,
): Promise<FetchedObjects> {
  const found: FetchedObjects = { objects: [], errors: [] };
  if (selection.kind === 'types') {
    for (const info of selection.types) {
      const path = collectionPath(info, scope(info, query.namespace)) + listQuery(query, { limit: '500' });
      const list = await query.client.getPath<KubeList>(path);
      found.resourceVersion = list.metadata?.resourceVersion;
      found.objects.push(...list.items.map((obj) => ({ obj, info })));
    }
    return found;
  }
  for (const { info, name } of selection.objects) {
    try {
      found.objects.push({
        obj: await query.client.get(info.kind, scope(info, query.namespace), name),
        info,
      });
    } catch (err) {
      if (!isStatusError(err)) throw err;
      found.errors.push(err);
    }
  }
  return found;
}

/** The watch of `get -w`: from the list's resourceVersion, narrowed to the named objects if any. */
function watchPath(
  info: KindInfo,
  query: Query,
  resourceVersion: string | undefined,
  names: string[] | undefined,
): string {
  const extra: Record<string, string> = { watch: 'true' };
  if (resourceVersion) extra.resourceVersion = resourceVersion;
  const sub: Query =
    names?.length === 1
      ? { ...query, flags: { ...query.flags, fieldSelector: `metadata.name=${names[0]}` } }
      : query;
  return collectionPath(info, scope(info, query.namespace)) + listQuery(sub, extra);
}

interface TableEvent {
  type: string;
  object: Table;
}

async function watchTable(
  fetched: FetchedTable,
  selection: ReturnType<typeof parseResourceArgs>,
  query: Query,
  printer: StreamingTable,
  headerPrinted: boolean,
  wide: boolean,
): Promise<void> {
  const names = selection.kind === 'objects' ? fetched.names : undefined;
  const opts = printOptions(fetched.info, query, wide, false);
  let columns = fetched.table.columnDefinitions ?? [];
  let printedHeader = headerPrinted;
  const path = watchPath(fetched.info, query, fetched.table.metadata?.resourceVersion, names);
  for await (const event of query.client.watchPath<TableEvent>(path, { accept: TABLE_ACCEPT })) {
    // An expired watch (410) ends `get -w` quietly, as kubectl does.
    if (event.type === 'ERROR') return;
    if (event.type === 'BOOKMARK' || !isTable(event.object)) continue;
    if (names && names.length > 1 && !names.includes(String(event.object.rows?.[0]?.object?.metadata?.name)))
      continue;
    if (event.object.columnDefinitions?.length) columns = event.object.columnDefinitions;
    const rows = tableRows(columns, event.object.rows ?? [], opts);
    process.stdout.write(printer.rows(printedHeader ? rows : [tableHeaders(columns, opts), ...rows]));
    printedHeader = true;
  }
}

async function watchObjects(
  selection: ReturnType<typeof parseResourceArgs>,
  query: Query,
  resourceVersion: string | undefined,
  format: ReturnType<typeof parseOutputFormat>,
): Promise<void> {
  const info = selection.kind === 'types' ? selection.types[0] : selection.objects[0].info;
  const names = selection.kind === 'objects' ? selection.objects.map((o) => o.name) : undefined;
  const path = watchPath(info, query, resourceVersion, names);
  for await (const event of query.client.watchPath<{ type: string; object: KubeObject }>(path)) {
    if (event.type === 'ERROR') return;
    if (event.type === 'BOOKMARK') continue;
    if (names && !names.includes(event.object.metadata.name ?? '')) continue;
    process.stdout.write(printObjects([{ obj: event.object, info }], format, true));
  }
}
