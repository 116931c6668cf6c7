// One child incarnation's output: appended to its log file and, when asked, echoed line by line with its name.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type LineEcho = (name: string, line: string) => void;

export class ChildLog {
  private readonly out: WriteStream;

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly echo?: LineEcho,
  ) {
    this.out = createWriteStream(file, { flags: 'a' });
    // A full disk must not take the launcher down with it; say so once and keep supervising.
    this.out.once('error', (err) => console.error(`kubesim: cannot write ${this.file}: ${err.message}`));
  }

  /** A launcher remark between the child's own lines, e.g. when it started or how it ended. */
  note(text: string): void {
    this.out.write(`--- ${new Date().toISOString()} ${text}\n`);
  }

  follow(stream: Readable): void {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      this.out.write(chunk);
      if (!this.echo) return;
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.echo(this.name, line);
    });
    stream.on('end', () => {
      if (this.echo && partial) this.echo(this.name, partial);
    });
  }

  close(): void {
    this.out.end();
  }
}
