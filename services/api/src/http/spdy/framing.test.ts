// SPDY/3.1 framing on its own: frames cut from a byte stream however it is chunked, header blocks, and the
// header compression dictionary kubectl's zlib checks by id. (kubectl itself runs against it in
// test/kubectl/versions.test.ts: 1.20 and 1.27 exec over SPDY.)
import assert from 'node:assert/strict';
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary.js';
import {
  controlFrame,
  dataFrames,
  decodeHeaderBlock,
  encodeHeaderBlock,
  FLAG_FIN,
  type Frame,
  FrameReader,
  FrameType,
} from './framing.js';

function adler32(b: Buffer): number {
  let a = 1;
  let c = 0;
  for (const byte of b) {
    a = (a + byte) % 65521;
    c = (c + a) % 65521;
  }
  return ((c << 16) | a) >>> 0;
}

describe('SPDY framing', () => {
  it('has the SPDY/3 header dictionary (zlib dictionary id 0xe3c6a7c2, 1423 bytes)', () => {
    assert.equal(SPDY3_DICTIONARY.length, 1423);
    assert.equal(adler32(SPDY3_DICTIONARY), 0xe3c6a7c2);
    const block = encodeHeaderBlock({ streamtype: 'stdout' });
    const packed = deflateSync(block, { dictionary: SPDY3_DICTIONARY, flush: constants.Z_SYNC_FLUSH });
    assert.equal(packed.readUInt32BE(2), 0xe3c6a7c2, 'the id zlib writes after the header');
    assert.deepEqual(decodeHeaderBlock(inflateSync(packed, { dictionary: SPDY3_DICTIONARY })), {
      streamtype: 'stdout',
    });
  });

  it('cuts frames out of a stream however it is chunked', () => {
    const bytes = Buffer.concat([
      controlFrame(FrameType.ping, 0, Buffer.from([0, 0, 0, 7])),
      ...dataFrames(3, Buffer.from('hello'), false),
      ...dataFrames(3, Buffer.alloc(0), true),
    ]);
    for (const size of [1, 3, 8, 13, bytes.length]) {
      const reader = new FrameReader();
      const frames: Frame[] = [];
      for (let at = 0; at < bytes.length; at += size)
        frames.push(...reader.push(bytes.subarray(at, at + size)));
      assert.deepEqual(
        frames.map((f) =>
          f.control
            ? ['control', f.type, f.payload.readUInt32BE(0)]
            : [f.streamId, f.flags, f.payload.toString()],
        ),
        [
          ['control', FrameType.ping, 7],
          [3, 0, 'hello'],
          [3, FLAG_FIN, ''],
        ],
        `chunks of ${size}`,
      );
    }
  });

  it('refuses another SPDY version and a header block that ends early', () => {
    const v2 = controlFrame(FrameType.ping, 0, Buffer.alloc(4));
    v2.writeUInt16BE(0x8002, 0);
    assert.throws(() => new FrameReader().push(v2), /SPDY version 2/);
    const block = encodeHeaderBlock({ streamtype: 'error' });
    assert.throws(() => decodeHeaderBlock(block.subarray(0, block.length - 1)), /ends early/);
  });
});
