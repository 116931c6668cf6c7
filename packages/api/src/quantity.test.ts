import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import { mustParseQuantity, parseQuantity, QUANTITY_FORMAT_ERROR, Quantity } from './quantity.js';

describe('Quantity', () => {
  describe('parses and prints canonically (apimachinery quantity_test.go)', () => {
    const cases: [string, string][] = [
      ['0', '0'],
      ['0m', '0'],
      ['0Ki', '0'],
      ['100m', '100m'],
      ['1000m', '1'],
      ['1500m', '1500m'],
      ['1', '1'],
      ['0.5', '500m'],
      ['.5', '500m'],
      ['5.', '5'],
      ['1.5', '1500m'],
      ['1k', '1k'],
      ['1000', '1k'],
      ['1500', '1500'],
      ['1M', '1M'],
      ['1048576', '1048576'],
      ['1Ki', '1Ki'],
      ['1024', '1024'],
      ['1Mi', '1Mi'],
      ['200Mi', '200Mi'],
      ['1Gi', '1Gi'],
      ['1.5Gi', '1536Mi'],
      ['0.5Gi', '512Mi'],
      ['1536Ki', '1536Ki'],
      ['1.5Ki', '1536'],
      ['0.5Ki', '512'],
      ['100Ki', '100Ki'],
      ['2E', '2E'],
      ['1Ei', '1Ei'],
      ['1e3', '1e3'],
      ['1E3', '1e3'],
      ['1e6', '1e6'],
      ['12e6', '12e6'],
      ['1e0', '1'],
      ['1e-3', '1e-3'],
      ['1n', '1n'],
      ['1u', '1u'],
      ['0.1m', '100u'],
      ['-1', '-1'],
      ['-100m', '-100m'],
      ['+1', '1'],
      ['-1Ki', '-1Ki'],
      ['1.0000000001', '1000000001n'],
    ];
    for (const [input, canonical] of cases) {
      it(`${input} → ${canonical}`, () => {
        const q = parseQuantity(input);
        assert.ok(E.isRight(q), `${input} should parse`);
        assert.equal(q.right.toString(), canonical);
        // The canonical form parses back to the same amount.
        assert.ok(mustParseQuantity(canonical).equals(q.right));
      });
    }
  });

  describe('rejects malformed quantities', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '1.2.3',
      '-',
      '.',
      '1e',
      '1e1.5',
      '1 k',
      'Ki',
      '1KiB',
      '1i',
      '1kk',
      'e3',
      '1e+',
      '--1',
      '1m1',
      'NaN',
      'Infinity',
    ]) {
      it(JSON.stringify(bad), () => assert.ok(E.isLeft(parseQuantity(bad))));
    }
    it('says what Kubernetes says for a bad number', () => {
      assert.deepEqual(parseQuantity('abc'), E.left(QUANTITY_FORMAT_ERROR));
    });
  });

  it('rounds precision below a nano away from zero', () => {
    assert.equal(mustParseQuantity('0.1n').toString(), '1n');
    assert.equal(mustParseQuantity('-0.1n').toString(), '-1n');
  });

  it('compares across formats by amount', () => {
    assert.equal(mustParseQuantity('1Gi').cmp(mustParseQuantity('1024Mi')), 0);
    assert.equal(mustParseQuantity('2Gi').cmp(mustParseQuantity('2G')), 1);
    assert.equal(mustParseQuantity('1').cmp(mustParseQuantity('1000m')), 0);
    assert.equal(mustParseQuantity('100m').cmp(mustParseQuantity('0.2')), -1);
  });

  it('adds and subtracts exactly, keeping the receiver format', () => {
    assert.equal(mustParseQuantity('1').add(mustParseQuantity('500m')).toString(), '1500m');
    assert.equal(mustParseQuantity('1Gi').add(mustParseQuantity('512Mi')).toString(), '1536Mi');
    assert.equal(mustParseQuantity('0.1').add(mustParseQuantity('0.2')).toString(), '300m');
    assert.equal(mustParseQuantity('1').sub(mustParseQuantity('1500m')).toString(), '-500m');
    let sum = Quantity.fromInt(0);
    for (let i = 0; i < 10; i++) sum = sum.add(mustParseQuantity('100m'));
    assert.ok(sum.equals(mustParseQuantity('1')));
  });

  it('reads whole and milli values rounding away from zero', () => {
    assert.equal(mustParseQuantity('100m').milliValue(), 100n);
    assert.equal(mustParseQuantity('1500m').value(), 2n);
    assert.equal(mustParseQuantity('-1500m').value(), -2n);
    assert.equal(mustParseQuantity('1Mi').value(), 1048576n);
    assert.equal(mustParseQuantity('1n').milliValue(), 1n);
    assert.equal(mustParseQuantity('1.5').toNumber(), 1.5);
  });

  it('builds from integers and millis and serializes as text', () => {
    assert.equal(Quantity.fromMilli(250).toString(), '250m');
    assert.equal(Quantity.fromInt(2048, 'BinarySI').toString(), '2Ki');
    assert.equal(JSON.stringify({ cpu: Quantity.fromMilli(1000) }), '{"cpu":"1"}');
  });
});
