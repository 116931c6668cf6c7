// kubectl describe's PrefixWriter: text written at an indentation level (two spaces per level) into a Go-style
// tabwriter (no minimum width, padding 2), so `Label:\tvalue` lines line up in blocks. `rollout history
// --revision` writes the same text straight to its output, tabs and all, so alignment can be turned off.
import { TabWriter } from '../output/tabwriter.js';

export class PrefixWriter {
  private readonly tabs?: TabWriter;
  private raw = '';

  constructor(opts: { aligned?: boolean } = {}) {
    if (opts.aligned ?? true) this.tabs = new TabWriter({ minWidth: 0, padding: 2 });
  }

  /** Writes `text` indented by `level`; the text carries its own tabs and newlines. */
  write(level: number, text: string): void {
    this.emit('  '.repeat(level) + text);
  }

  /** Writes text followed by a newline, with no indentation (Go's WriteLine). */
  line(text: string): void {
    this.emit(`${text}\n`);
  }

  /** Ends the current column blocks, so what follows aligns on its own (describe does it before Events). */
  flush(): void {
    this.tabs?.flush();
  }

  output(): string {
    return this.tabs ? this.tabs.take() : this.raw;
  }

  private emit(text: string): void {
    if (this.tabs) this.tabs.write(text);
    else this.raw += text;
  }
}

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
