// Go's text/tabwriter as kubectl configures it: tab-terminated cells aligned in column blocks of consecutive
// lines, a line without tabs ending every block, and (for `get -w`) column widths remembered across flushes.

export interface TabWriterOptions {
  /** Minimal width of a column, padding included. */
  minWidth: number;
  /** Spaces added after the widest cell of a column. */
  padding: number;
  /** Keep each column at least as wide as it ever was (kubectl's forked RememberWidths flag). */
  rememberWidths?: boolean;
}

export class TabWriter {
  private lines: string[][] = [[]];
  private partial = '';
  private out = '';
  private readonly remembered: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): this {
    for (const ch of text) {
      if (ch === '\t') {
        this.currentLine().push(this.partial);
        this.partial = '';
      } else if (ch === '\n') {
        const line = this.currentLine();
        line.push(this.partial);
        this.partial = '';
        this.lines.push([]);
        // A line with a single cell cannot affect the alignment of what follows, so Go flushes here.
        if (line.length === 1) this.flushLines();
      } else {
        this.partial += ch;
      }
    }
    return this;
  }

  /** Formats everything buffered; later text starts new column blocks (with remembered widths if asked). */
  flush(): this {
    this.flushLines();
    if (this.partial) {
      this.out += this.partial;
      this.partial = '';
    }
    return this;
  }

  /** Flushes and hands back everything formatted so far, emptying the output buffer. */
  take(): string {
    this.flush();
    const text = this.out;
    this.out = '';
    return text;
  }

  private currentLine(): string[] {
    return this.lines[this.lines.length - 1];
  }

  /** Formats all complete lines; the trailing open line (no newline yet) stays buffered. */
  private flushLines(): void {
    const open = this.lines.pop() ?? [];
    if (this.lines.length > 0) this.format(this.lines, []);
    this.lines = [open];
  }

  // text/tabwriter's format(): find runs of consecutive lines that have a cell in this column (the last cell of
  // a line is not in any column), size the column over the run, then recurse into the columns to its right.
  private format(lines: string[][], widths: number[]): void {
    const column = widths.length;
    let start = 0;
    let i = 0;
    while (i < lines.length) {
      if (column >= lines[i].length - 1) {
        i++;
        continue;
      }
      this.writeLines(lines.slice(start, i), widths);
      start = i;
      let width = this.opts.minWidth;
      for (; i < lines.length && column < lines[i].length - 1; i++) {
        width = Math.max(width, cellWidth(lines[i][column]) + this.opts.padding);
      }
      this.format(lines.slice(start, i), [...widths, this.rememberedWidth(column, width)]);
      start = i;
    }
    this.writeLines(lines.slice(start), widths);
  }

  private rememberedWidth(column: number, width: number): number {
    if (!this.opts.rememberWidths) return width;
    const widest = Math.max(width, this.remembered[column] ?? 0);
    this.remembered[column] = widest;
    return widest;
  }

  private writeLines(lines: string[][], widths: number[]): void {
    for (const cells of lines) {
      cells.forEach((cell, j) => {
        this.out += j < widths.length ? cell + ' '.repeat(Math.max(0, widths[j] - cellWidth(cell))) : cell;
      });
      this.out += '\n';
    }
  }
}

/** Width in code points, as Go counts runes. */
function cellWidth(text: string): number {
  return [...text].length;
}
