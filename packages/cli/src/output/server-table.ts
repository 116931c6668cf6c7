// Turning the API server's meta.k8s.io Tables into kubectl's `get` output: upper-cased column names, wide columns
// only with -o wide, NAMESPACE first with -A, LABELS last with --show-labels, `kind/name` when several kinds print.
import type { ObjectMeta } from '@kubesim/api';

export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface TableColumnDefinition {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: ObjectMeta };
}

export interface Table {
  kind: 'Table';
  metadata?: { resourceVersion?: string };
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

export interface TablePrintOptions {
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** Prefix for names when several kinds print together: `deployment.apps`. */
  kindPrefix?: string;
}

export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Table';
}

export function tableHeaders(columns: readonly TableColumnDefinition[], opts: TablePrintOptions): string[] {
  const headers = visible(columns, opts).map(({ column }) => column.name.toUpperCase());
  if (opts.withNamespace) headers.unshift('NAMESPACE');
  if (opts.showLabels) headers.push('LABELS');
  return headers;
}

export function tableRows(
  columns: readonly TableColumnDefinition[],
  rows: readonly TableRow[],
  opts: TablePrintOptions,
): string[][] {
  const shown = visible(columns, opts);
  return rows.map((row) => {
    const cells = shown.map(({ column, index }) => {
      const text = formatCell(row.cells[index]);
      return column.format === 'name' && opts.kindPrefix ? `${opts.kindPrefix}/${text}` : text;
    });
    const metadata = row.object?.metadata ?? {};
    if (opts.withNamespace) cells.unshift(metadata.namespace ?? '');
    if (opts.showLabels) cells.push(formatLabels(metadata.labels));
    return cells;
  });
}

function visible(columns: readonly TableColumnDefinition[], opts: TablePrintOptions) {
  return columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => opts.wide || !column.priority);
}

/** A cell as Go's fmt prints it: strings as they are, numbers and booleans in plain form, nil as `<nil>`. */
export function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '<nil>';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** labels.FormatLabels: `k=v` sorted by key, `<none>` when there are none. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k]}`).join(',');
}
