// The two-pass fold on its own: event lines in, survivors out; and survivor objects that compaction took.
import assert from 'node:assert/strict';
import { isStatusError } from '@kubesim/api';
import { foldEvents, indexedLines, linesSpan, withSurvivorObjects } from './log-reader.js';

async function* batches(...texts: string[]): AsyncGenerator<string> {
  yield* texts;
}

describe('log fold', () => {
  it('keeps each object at its last event, drops deleted ones, and filters kinds', async () => {
    const log = batches(
      '1 ADDED Pod default/a\n2 ADDED ConfigMap default/a\n3 MODIFIED Pod default/a\n',
      '4 ADDED Pod default/b\n5 DELETED Pod default/b\n6 ADDED Pod kube-system/b\n',
      '7 DELETED ConfigMap default/a\n8 ADDED ConfigMap default/a\n',
    );
    const all = await foldEvents(log);
    assert.equal(all.events, 8);
    assert.deepEqual([...all.survivors].sort(), [
      ['ConfigMap default/a', 8],
      ['Pod default/a', 3],
      ['Pod kube-system/b', 6],
    ]);
    const pods = await foldEvents(
      batches('1 ADDED Pod default/a\n2 ADDED ConfigMap default/a\n'),
      new Set(['Pod']),
    );
    assert.deepEqual([...pods.survivors], [['Pod default/a', 1]]);
    assert.equal(pods.events, 2);
  });

  it('counts the lines of a range and reads its first revision', () => {
    assert.deepEqual(linesSpan(''), { count: 0, first: undefined });
    assert.deepEqual(linesSpan('41 ADDED Pod default/a\n'), { count: 1, first: 41 });
    assert.deepEqual(linesSpan('41 ADDED Pod default/a\n42 DELETED Pod default/a\n'), {
      count: 2,
      first: 41,
    });
  });

  it('takes a range out of an event index chunk only when the chunk holds it from its start', () => {
    const chunk = '2001 ADDED Pod a/x\n2002 MODIFIED Pod a/x\n2003 ADDED Pod a/y\n';
    assert.equal(indexedLines(chunk, 2001, 2003), chunk);
    assert.equal(indexedLines(chunk, 2002, 2002), '2002 MODIFIED Pod a/x\n');
    assert.equal(indexedLines(chunk, 2002, 2003), '2002 MODIFIED Pod a/x\n2003 ADDED Pod a/y\n');
    assert.equal(indexedLines(chunk, 2001, 2004), undefined, 'the chunk ends before the range');
    assert.equal(indexedLines(null, 2001, 2003), undefined, 'no chunk');
    assert.equal(
      indexedLines('2002 ADDED Pod a/x\n', 2002, 2002),
      undefined,
      'begun after its first revision',
    );
    assert.equal(indexedLines('1 ADDED Pod a/x\n', 1, 1), '1 ADDED Pod a/x\n');
    assert.equal(
      indexedLines('2001 ADDED Pod a/x\n2003 ADDED Pod a/y\n2004 ADDED Pod a/z\n', 2002, 2003),
      undefined,
      'a line missing in between',
    );
  });

  it('hands out survivor objects in revision order, and 410 once compaction took one', async () => {
    const survivors = new Map([
      ['Pod default/b', 9],
      ['Pod default/a', 4],
    ]);
    const seen: string[] = [];
    const stored = (revisions: number[]) => Promise.resolve(revisions.map((r) => `{"at":${r}}`));
    await withSurvivorObjects(
      survivors,
      stored,
      async () => 0,
      (k, r, json) => seen.push(`${k} ${r} ${json}`),
    );
    assert.deepEqual(seen, ['Pod default/a 4 {"at":4}', 'Pod default/b 9 {"at":9}']);

    const trimmed = (revisions: number[]) => Promise.resolve(revisions.map((r) => (r < 5 ? null : `{}`)));
    await assert.rejects(
      withSurvivorObjects(
        survivors,
        trimmed,
        async () => 5,
        () => {},
      ),
      (err) => isStatusError(err, 'Expired'),
    );
  });
});
