// The compact table notation: what each form of field compiles to, and tables that must be refused.
import assert from 'node:assert/strict';
import { APPS_V1 } from './messages/apps.js';
import { CORE_V1 } from './messages/core.js';
import { compileMessages } from './schema.js';

describe('compileMessages', () => {
  it('reads every form of field', () => {
    const messages = compileMessages({
      Thing:
        '1 name, 2 count:i32!, 3 tags*, 4 labels:{}, 5 limits:{qty}, 6 port:ios, 7 ...Part, 8 parts:Part*',
      Part: '1 when:time',
    });
    const thing = messages.get('Thing');
    assert.ok(thing);
    const brief = [...thing.values()].map((f) => [
      f.number,
      f.name,
      f.value,
      f.repeated,
      f.map,
      f.keepZero,
      f.inline,
    ]);
    assert.deepEqual(brief, [
      [1, 'name', { kind: 'scalar', scalar: 'string' }, false, false, false, false],
      [2, 'count', { kind: 'scalar', scalar: 'i32' }, false, false, true, false],
      [3, 'tags', { kind: 'scalar', scalar: 'string' }, true, false, false, false],
      [4, 'labels', { kind: 'scalar', scalar: 'string' }, false, true, false, false],
      [5, 'limits', { kind: 'special', special: 'qty' }, false, true, false, false],
      [6, 'port', { kind: 'special', special: 'ios' }, false, false, false, false],
      [7, 'Part', { kind: 'message', message: 'Part' }, false, false, false, true],
      [8, 'parts', { kind: 'message', message: 'Part' }, true, false, false, false],
    ]);
  });

  it('refuses tables with mistakes', () => {
    const cases: [Record<string, string>[], RegExp][] = [
      [[{ A: '1 x, 1 y' }], /A: field 1 is defined twice/],
      [[{ A: '1 x:Missing' }], /A.x: no message Missing/],
      [[{ A: '1 x:int' }], /unknown type int/],
      [[{ A: 'x 1' }], /cannot read field/],
      [[{ A: '1 x' }, { A: '1 y' }], /message A is defined twice/],
    ];
    for (const [tables, message] of cases) assert.throws(() => compileMessages(...tables), message);
  });

  it('compiles the Kubernetes tables, reaching only messages they define', () => {
    assert.throws(() => compileMessages(APPS_V1), /no message ObjectMeta/);
    assert.throws(() => compileMessages(...CORE_V1), /no message (ObjectMeta|LabelSelector|Condition)/);
  });
});
