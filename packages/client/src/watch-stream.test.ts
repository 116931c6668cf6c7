import assert from 'node:assert/strict';
import { readJsonLines } from './watch-stream.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const v of readJsonLines(body)) out.push(v);
  return out;
}

describe('readJsonLines', () => {
  it('splits events across and within chunks, skipping blank lines', async () => {
    const events = await collect(
      chunks('{"type":"ADDED","ob', 'ject":{}}\n\n{"type":"DEL', 'ETED","object":{}}\n{"type":"MODIFIED"}'),
    );
    assert.deepEqual(events, [
      { type: 'ADDED', object: {} },
      { type: 'DELETED', object: {} },
      { type: 'MODIFIED' },
    ]);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"é"}\n');
    const body = (async function* () {
      yield bytes.slice(0, 10);
      yield bytes.slice(10);
    })();
    assert.deepEqual(await collect(body), [{ name: 'é' }]);
  });
});
