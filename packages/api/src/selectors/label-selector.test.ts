import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import type { LabelSelector } from '../meta.js';
import { Selector, selectorFromLabelSelector } from './label-selector.js';
import { parseLabelSelector } from './parse-label-selector.js';

function parsed(text: string): Selector {
  const s = parseLabelSelector(text);
  if (E.isLeft(s)) assert.fail(`${text}: ${s.left.message}`);
  return s.right;
}

describe('label selector string syntax (labels/selector_test.go)', () => {
  describe('parses and prints canonically', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
      ['z=c,x=a,y=b', 'x=a,y=b,z=c'],
      ['x!=a,y=b', 'x!=a,y=b'],
      ['x=,z= ', 'x=,z='],
      ['x= ,z= ', 'x=,z='],
      ['!x', '!x'],
      ['x', 'x'],
      ['x>1', 'x>1'],
      ['x<1', 'x<1'],
      ['x>1,z<5', 'x>1,z<5'],
      ['x==a', 'x==a'],
      ['x = a', 'x=a'],
      ['app=nginx', 'app=nginx'],
      ['x in (b,a)', 'x in (a,b)'],
      ['x notin (z)', 'x notin (z)'],
      ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
      ['a=b,c!=d,e in (x,y),f notin (z),g,!h', 'a=b,c!=d,e in (x,y),f notin (z),g,!h'],
      ['notin=in', 'notin=in'],
      ['x in (in,notin)', 'x in (in,notin)'],
      ['example.com/role=db', 'example.com/role=db'],
      ['\tx = a ,  y  ', 'x=a,y'],
      // An empty set stands for the empty value.
      ['x in ()', 'x in ()'],
    ];
    for (const [input, canonical] of cases) {
      it(JSON.stringify(input), () => assert.equal(parsed(input).toString(), canonical));
    }
  });

  describe('rejects bad syntax with a 400', () => {
    const bad: [string, RegExp][] = [
      ['x=a||y=b', /Invalid value: "a\|\|y"/],
      ['x==a==b', /found '==', expected: ',' or 'end of string'/],
      ['!x=a', /found '=', expected: ',' or 'end of string'/],
      ['x<a', /for 'Gt', 'Lt' operators, the value must be an integer/],
      ['x>', /the value must be an integer/],
      ['x in (', /found '', expected: ',', '\)' or identifier/],
      ['x in a', /found 'a' expected: '\('/],
      ['x=a,', /found '', expected: identifier after ','/],
      [',x=a', /found ',', expected: !, identifier, or 'end of string'/],
      ['x y', /found 'y', expected: in, notin, =, ==, !=, gt, lt/],
      ['x=a b', /found 'b', expected: ',' or 'end of string'/],
      ['-x=a', /unable to parse requirement: <nil>: Invalid value: "-x"/],
      ['x=-a', /Invalid value: "-a"/],
    ];
    for (const [input, message] of bad) {
      it(JSON.stringify(input), () => {
        const r = parseLabelSelector(input);
        assert.ok(E.isLeft(r), `${input} should fail`);
        assert.equal(r.left.code, 400);
        assert.equal(r.left.reason, 'BadRequest');
        assert.match(r.left.message, message);
      });
    }
  });

  describe('matches label sets (TestSelectorMatches)', () => {
    const matches: [string, Record<string, string>][] = [
      ['', { x: 'y' }],
      ['x=y', { x: 'y' }],
      ['x=y,z=w', { x: 'y', z: 'w' }],
      ['x!=y,z!=w', { x: 'z', z: 'a' }],
      ['notin=in', { notin: 'in' }],
      ['x', { x: 'z' }],
      ['!x', { y: 'z' }],
      ['x>1', { x: '2' }],
      ['x<1', { x: '0' }],
      ['x notin (a)', {}],
      ['x in (a,b)', { x: 'b' }],
      ['x=', { x: '' }],
    ];
    const misses: [string, Record<string, string>][] = [
      ['x=z', {}],
      ['x=y', { x: 'z' }],
      ['x=y,z=w', { x: 'w', z: 'w' }],
      ['x!=y,z!=w', { x: 'z', z: 'w' }],
      ['x', { y: 'z' }],
      ['!x', { x: 'z' }],
      ['x>1', { x: '0' }],
      ['x<1', { x: '2' }],
      ['x>1', { x: 'abc' }],
      ['x in (a,b)', { x: 'c' }],
      ['x notin (a)', { x: 'a' }],
    ];
    for (const [sel, labels] of matches)
      it(`${sel} ⊨ ${JSON.stringify(labels)}`, () => assert.ok(parsed(sel).matches(labels)));
    for (const [sel, labels] of misses)
      it(`${sel} ⊭ ${JSON.stringify(labels)}`, () => assert.ok(!parsed(sel).matches(labels)));
  });

  it('reports exact-match requirements', () => {
    assert.equal(parsed('app=nginx,tier!=db').requiresExactMatch('app'), 'nginx');
    assert.equal(parsed('app in (a)').requiresExactMatch('app'), 'a');
    assert.equal(parsed('app in (a,b)').requiresExactMatch('app'), undefined);
    assert.equal(parsed('tier!=db').requiresExactMatch('tier'), undefined);
  });
});

describe('LabelSelectorAsSelector', () => {
  const ok = (ls: Parameters<typeof selectorFromLabelSelector>[0]) => {
    const s = selectorFromLabelSelector(ls);
    if (E.isLeft(s)) assert.fail(s.left.message);
    return s.right;
  };

  it('nil matches nothing, empty matches everything', () => {
    assert.ok(!ok(undefined).matches({ a: 'b' }));
    assert.ok(!ok(null).matches({}));
    assert.ok(ok(undefined).matchesNothing());
    assert.ok(ok({}).matches({ a: 'b' }));
    assert.ok(ok({ matchLabels: {}, matchExpressions: [] }).isEmpty());
    assert.equal(ok({}).toString(), '');
  });

  it('prints the canonical form Kubernetes prints', () => {
    const cases: [Parameters<typeof selectorFromLabelSelector>[0], string][] = [
      [{ matchLabels: { app: 'nginx' } }, 'app=nginx'],
      [{ matchLabels: { tier: 'web', app: 'nginx' } }, 'app=nginx,tier=web'],
      [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['baz', 'bar'] }] }, 'foo in (bar,baz)'],
      [{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] }, 'foo notin (bar)'],
      [{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, 'foo'],
      [{ matchExpressions: [{ key: 'foo', operator: 'DoesNotExist' }] }, '!foo'],
      [{ matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a,b=1'],
    ];
    for (const [ls, text] of cases) assert.equal(ok(ls).toString(), text);
  });

  it('matches with every requirement ANDed', () => {
    const s = ok({
      matchLabels: { app: 'nginx' },
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }],
    });
    assert.ok(s.matches({ app: 'nginx' }));
    assert.ok(s.matches({ app: 'nginx', env: 'dev' }));
    assert.ok(!s.matches({ app: 'nginx', env: 'prod' }));
    assert.ok(!s.matches({ env: 'dev' }));
  });

  it('rejects invalid operators, keys and value counts with 400', () => {
    const bad: LabelSelector[] = [
      { matchExpressions: [{ key: 'foo', operator: 'Foo' as 'In', values: ['x'] }] },
      { matchExpressions: [{ key: 'foo', operator: 'In' as const, values: [] }] },
      { matchExpressions: [{ key: 'foo', operator: 'Exists' as const, values: ['x'] }] },
      { matchLabels: { 'bad key!': 'x' } },
      { matchLabels: { app: 'bad value!' } },
    ];
    for (const ls of bad) {
      const s = selectorFromLabelSelector(ls);
      assert.ok(E.isLeft(s), JSON.stringify(ls));
      assert.equal(s.left.code, 400);
    }
    const op = selectorFromLabelSelector(bad[0]);
    assert.ok(E.isLeft(op) && op.left.message === '"Foo" is not a valid label selector operator');
  });

  it('Selector.fromSet selects exactly the set', () => {
    const s = Selector.fromSet({ app: 'nginx', tier: 'web' });
    assert.equal(s.toString(), 'app=nginx,tier=web');
    assert.ok(s.matches({ app: 'nginx', tier: 'web', x: 'y' }));
    assert.ok(!s.matches({ app: 'nginx' }));
    assert.ok(Selector.fromSet({}).isEmpty());
  });
});
