// Column-aligned tables the way kubectl prints them (tabwriter: cells padded by 3 spaces, at least 6 wide,
// the last column left ragged).
import { TabWriter } from './tabwriter.js';

const GET_TABLE = { minWidth: 6, padding: 3 } as const;

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return new StreamingTable().rows([headers, ...rows]);
}

/**
 * A table printed in parts, as `kubectl get -w` prints its watch events: every part is aligned on its own, but
 * no column ever gets narrower than it was in an earlier part.
 */
export class StreamingTable {
  private readonly writer = new TabWriter({ ...GET_TABLE, rememberWidths: true });

  rows(rows: readonly (readonly string[])[]): string {
    for (const row of rows) this.writer.write(`${row.map(cleanCell).join('\t')}\n`);
    return this.writer.take();
  }
}

// A tab or newline inside a cell would start a new cell or line; kubectl cuts a cell at its first line break.
function cleanCell(cell: string): string {
  const cut = cell.search(/[\n\r\f]/);
  return (cut >= 0 ? `${cell.slice(0, cut)}...` : cell).replaceAll('\t', ' ');
}
