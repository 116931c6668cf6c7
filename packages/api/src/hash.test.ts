import assert from 'node:assert/strict';
import {
  canonicalJson,
  controllerRevisionHash,
  Fnv32,
  fnv1_32,
  fnv1a32,
  podTemplateHash,
  SAFE_ALPHABET,
  safeEncodeString,
} from './hash.js';

describe('hashing', () => {
  it('computes 32-bit FNV-1 and FNV-1a (reference vectors)', () => {
    const vectors: [string, number, number][] = [
      ['', 0x811c9dc5, 0x811c9dc5],
      ['a', 0x050c5d7e, 0xe40c292c],
      ['foobar', 0x31f0b262, 0xbf9cf968],
    ];
    for (const [input, fnv1, fnv1a] of vectors) {
      assert.equal(fnv1_32(input), fnv1, `FNV-1 ${input}`);
      assert.equal(fnv1a32(input), fnv1a, `FNV-1a ${input}`);
    }
    assert.equal(new Fnv32('1a').write('foo').write('bar').sum32(), 0xbf9cf968);
  });

  it('safe-encodes decimal text the way rand.SafeEncodeString does (k8s-semantics §5)', () => {
    assert.equal(safeEncodeString('1234567890'), '56789bcdf4');
    assert.equal(safeEncodeString('3314112556'), '775855699b');
    assert.equal(safeEncodeString(''), '');
    assert.equal(SAFE_ALPHABET.length, 27);
  });

  describe('podTemplateHash', () => {
    const template = {
      metadata: { labels: { app: 'nginx', tier: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] },
    };
    it('is deterministic and ignores key order', () => {
      const reordered = {
        spec: { containers: [{ image: 'nginx:1.14.2', name: 'nginx' }] },
        metadata: { labels: { tier: 'web', app: 'nginx' } },
      };
      assert.equal(podTemplateHash(template), podTemplateHash(reordered));
    });
    it('uses only the ten digit symbols, 1 to 10 of them', () => {
      for (let i = 0; i < 50; i++) {
        const h = podTemplateHash(
          { ...template, spec: { containers: [{ name: 'c', image: `img:${i}` }] } },
          i,
        );
        assert.match(h, /^[456789bcdf]{1,10}$/);
      }
    });
    it('changes with the template and with the collision count', () => {
      const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.16.1' }] } };
      assert.notEqual(podTemplateHash(template), podTemplateHash(other));
      assert.notEqual(podTemplateHash(template), podTemplateHash(template, 0));
      assert.notEqual(podTemplateHash(template, 0), podTemplateHash(template, 1));
      assert.equal(podTemplateHash(template, null), podTemplateHash(template));
    });
    it('feeds the collision count as LE uint32 plus four zero bytes', () => {
      const expected = new Fnv32('1a')
        .write(canonicalJson(template))
        .write(new Uint8Array([2, 1, 0, 0, 0, 0, 0, 0]))
        .sum32();
      assert.equal(podTemplateHash(template, 258), safeEncodeString(String(expected)));
    });
  });

  it('controllerRevisionHash is FNV-1 over the data then the decimal collision count', () => {
    const data = '{"spec":{"template":{"$patch":"replace"}}}';
    assert.equal(controllerRevisionHash(data, 0), safeEncodeString(String(fnv1_32(`${data}0`))));
    assert.equal(controllerRevisionHash(data, 12), safeEncodeString(String(fnv1_32(`${data}12`))));
    assert.equal(controllerRevisionHash(data), safeEncodeString(String(fnv1_32(data))));
    assert.equal(controllerRevisionHash(new TextEncoder().encode(data), 0), controllerRevisionHash(data, 0));
  });

  it('canonicalJson is compact, recursively sorted and escaped as Go does', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [{ z: 1, y: null }], c: 'x' } }),
      '{"a":{"c":"x","d":[{"y":null,"z":1}]},"b":1}',
    );
    assert.equal(canonicalJson({ cmd: 'a<b && c>d' }), '{"cmd":"a\\u003cb \\u0026\\u0026 c\\u003ed"}');
    assert.equal(canonicalJson({ a: undefined, b: 2 }), '{"b":2}');
    assert.equal(canonicalJson(undefined), 'null');
  });
});
