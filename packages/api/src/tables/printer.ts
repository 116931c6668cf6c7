// The shape of a Table printer: its column definitions and how one object becomes one row of cells.
import type { KubeObject } from '../meta.js';

export interface TableColumnDefinition {
  name: string;
  /** OpenAPI type of the cells: string, integer, number, boolean or date. */
  type: string;
  /** Extra hint such as `name` for the column that names the object; often empty. */
  format: string;
  description: string;
  /** 0 for the default columns; 1 for those kubectl shows only with -o wide. */
  priority: number;
}

export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface TablePrinter {
  columns: TableColumnDefinition[];
  /** Every column's cell, wide ones included (the server always renders them; kubectl hides them). */
  cells(obj: KubeObject, now: number): unknown[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

/** Shorthand for a column: `column('Ready', 'string', 'The aggregate ...')`, wide when priority is 1. */
export function column(
  name: string,
  type: string,
  description: string,
  opts: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

export const NAME_COLUMN = column('Name', 'string', 'Name of the object, unique within its namespace.', {
  format: 'name',
});
export const AGE_COLUMN = column('Age', 'string', 'Time since the object was created.');

export const wide = (name: string, type: string, description: string) =>
  column(name, type, description, { priority: 1 });
