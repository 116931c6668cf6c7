// The wire reader on the protobuf encoding guide's own examples and on malformed input.
import assert from 'node:assert/strict';
import { WireWriter } from './test-encoder.js';
import { ProtobufError, WireReader, WireType } from './wire.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('WireReader', () => {
  it('reads varints as the encoding guide writes them', () => {
    const cases: [number[], bigint][] = [
      [[0x00], 0n],
      [[0x01], 1n],
      [[0x96, 0x01], 150n],
      [[0xac, 0x02], 300n],
      [[0xff, 0xff, 0xff, 0xff, 0x0f], 0xffffffffn],
      [[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 2n ** 35n],
      [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 2n ** 64n - 1n],
    ];
    for (const [input, want] of cases) {
      const r = new WireReader(bytes(...input));
      assert.equal(r.varint(), want, `varint ${input}`);
      assert.ok(r.done);
    }
  });

  it('agrees with the test writer for every size of varint', () => {
    for (let shift = 0n; shift < 64n; shift++) {
      for (const v of [1n << shift, (1n << shift) - 1n]) {
        assert.equal(new WireReader(new WireWriter().varint(v).finish()).varint(), v);
      }
    }
  });

  it('reads tags, fixed-width values and length-delimited payloads', () => {
    const r = new WireReader(
      bytes(0x08, 0x96, 0x01, 0x12, 0x02, 0x68, 0x69, 0x19, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f),
    );
    assert.deepEqual(r.tag(), { field: 1, wireType: WireType.Varint });
    assert.equal(r.varint(), 150n);
    assert.deepEqual(r.tag(), { field: 2, wireType: WireType.LengthDelimited });
    assert.equal(new TextDecoder().decode(r.lengthDelimited()), 'hi');
    assert.deepEqual(r.tag(), { field: 3, wireType: WireType.Fixed64 });
    assert.equal(r.fixed64().getFloat64(0, true), 1);
    assert.ok(r.done);
  });

  it('skips every wire type, groups included', () => {
    const group = bytes(0x0b, 0x10, 0x01, 0x1b, 0x1c, 0x0c); // field 1 group { 2: 1, 3 group {} }
    const r = new WireReader(bytes(...group, 0x15, 1, 2, 3, 4, 0x19, 1, 2, 3, 4, 5, 6, 7, 8, 0x20, 0x05));
    for (const wireType of [WireType.StartGroup, WireType.Fixed32, WireType.Fixed64]) {
      assert.equal(r.tag().wireType, wireType);
      r.skip(wireType);
    }
    assert.deepEqual(r.tag(), { field: 4, wireType: WireType.Varint });
    assert.equal(r.varint(), 5n);
    assert.ok(r.done);
  });

  it('reports malformed input as ProtobufError, never reading past the end', () => {
    const cases: [string, (r: WireReader) => unknown, number[], RegExp][] = [
      ['truncated varint', (r) => r.varint(), [0x96], /unexpected EOF/],
      ['empty varint', (r) => r.varint(), [], /unexpected EOF/],
      ['varint longer than 10 bytes', (r) => r.varint(), Array(11).fill(0x80), /integer overflow/],
      ['length past the end', (r) => r.lengthDelimited(), [0x05, 0x61], /unexpected EOF/],
      [
        'negative length',
        (r) => r.lengthDelimited(),
        [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
        /negative length/,
      ],
      ['field number 0', (r) => r.tag(), [0x02], /illegal tag 0/],
      ['end group outside a group', (r) => r.tag(), [0x0c], /end group/],
      ['truncated fixed64', (r) => r.fixed64(), [1, 2, 3], /unexpected EOF/],
      ['truncated fixed32', (r) => r.fixed32(), [1], /unexpected EOF/],
      ['unknown wire type', (r) => r.skip(6), [], /illegal wireType 6/],
      ['unterminated group', (r) => r.skip(WireType.StartGroup), [0x10, 0x01], /unexpected EOF/],
    ];
    for (const [name, read, input, message] of cases) {
      assert.throws(
        () => read(new WireReader(bytes(...input))),
        (e: Error) => e instanceof ProtobufError && message.test(e.message),
        name,
      );
    }
  });

  it('reads a window of a larger buffer without looking outside it', () => {
    const r = new WireReader(bytes(0xff, 0x96, 0x01, 0xff), 1, 3);
    assert.equal(r.varint(), 150n);
    assert.ok(r.done);
  });
});
