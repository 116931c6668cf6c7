import assert from 'node:assert/strict';
import {
  controllerRevisionName,
  generateName,
  MAX_GENERATED_NAME_LENGTH,
  parentNameAndOrdinal,
  podNamePrefix,
  replicaSetName,
  statefulSetClaimName,
  statefulSetPodName,
} from './names.js';

describe('names', () => {
  it('generateName appends five safe characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const name = generateName('nginx-deployment-66b6c48dd5-');
      assert.match(name, /^nginx-deployment-66b6c48dd5-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      seen.add(name);
    }
    assert.ok(seen.size > 190, 'suffixes are random');
  });

  it('generateName keeps at most 58 characters of the base', () => {
    const name = generateName(`${'a'.repeat(70)}-`);
    assert.equal(MAX_GENERATED_NAME_LENGTH, 58);
    assert.equal(name.length, 63);
    assert.ok(name.startsWith('a'.repeat(58)));
  });

  it('pod prefixes are <owner>- when that is a valid prefix', () => {
    assert.equal(podNamePrefix('web'), 'web-');
    assert.equal(podNamePrefix('web.v1'), 'web.v1-');
  });

  it('derives ReplicaSet, ControllerRevision, StatefulSet pod and claim names', () => {
    assert.equal(replicaSetName('nginx-deployment', '66b6c48dd5'), 'nginx-deployment-66b6c48dd5');
    assert.equal(controllerRevisionName('web', '6d5f8b7c9'), 'web-6d5f8b7c9');
    assert.equal(controllerRevisionName('x'.repeat(300), 'h'), `${'x'.repeat(223)}-h`);
    assert.equal(statefulSetPodName('web', 0), 'web-0');
    assert.equal(statefulSetClaimName('www', 'web', 0), 'www-web-0');
  });

  it('parses StatefulSet ordinals from pod names', () => {
    const cases: [string, string, number][] = [
      ['web-0', 'web', 0],
      ['web-12', 'web', 12],
      ['my-web-3', 'my-web', 3],
      ['web', '', -1],
      ['web-', '', -1],
      ['web-a', '', -1],
      ['web-99999999999', '', -1],
    ];
    for (const [pod, parent, ordinal] of cases)
      assert.deepEqual(parentNameAndOrdinal(pod), { parent, ordinal }, pod);
  });
});
