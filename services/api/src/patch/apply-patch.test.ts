// applyPatch across the dialects, with the request bodies kubectl sends (kubectl-wire.md §8, §10).
import assert from 'node:assert/strict';
import type { KubeObject, Status } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { applyPatch } from './apply-patch.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';

const JSON_PATCH = 'application/json-patch+json';
const MERGE = 'application/merge-patch+json';
const SMP = 'application/strategic-merge-patch+json';
const APPLY = 'application/apply-patch+yaml';

function deployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'nginx-deployment',
      namespace: 'default',
      resourceVersion: '7',
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        'kubernetes.io/change-cause':
          'kubectl set image deployment/nginx-deployment nginx=nginx:1.91 --record=true',
      },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.91' }] },
      },
    },
  };
}

function ok(r: E.Either<Status, KubeObject>): KubeObject {
  if (E.isLeft(r)) assert.fail(`unexpected failure ${r.left.code}: ${r.left.message}`);
  return r.right;
}

function fails(r: E.Either<Status, unknown>): Status {
  if (E.isRight(r)) assert.fail(`expected a failure, got ${JSON.stringify(r.right)}`);
  return r.left;
}

describe('applyPatch', () => {
  it('Deployment undo: a JSON patch replacing /spec/template and /metadata/annotations', () => {
    const template = {
      metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.7.9', resources: {} }], restartPolicy: 'Always' },
    };
    const annotations = {
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'kubectl create --filename=deploy.yaml --record=true',
    };
    const body = JSON.stringify([
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ]);
    const out = ok(applyPatch('Deployment', deployment(), JSON_PATCH, body));
    assert.deepEqual(out.spec.template, template);
    assert.deepEqual(out.metadata.annotations, annotations);
    assert.equal(out.spec.replicas, 3);
  });

  it('JSON patch on a StatefulSet image (patch --type=json)', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'mysql' },
      spec: { template: { spec: { containers: [{ name: 'mysql', image: 'mysql:5.7' }] } } },
    };
    const body = '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"mysql:5.7.23"}]';
    assert.equal(
      ok(applyPatch('StatefulSet', sts, JSON_PATCH, body)).spec.template.spec.containers[0].image,
      'mysql:5.7.23',
    );
  });

  it('scale: a merge patch on the Scale object', () => {
    const scale: KubeObject = {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'nginx-deployment', namespace: 'default' },
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=nginx' },
    };
    const out = ok(applyPatch('Scale', scale, MERGE, '{"spec":{"replicas":4}}'));
    assert.deepEqual(out.spec, { replicas: 4 });
    assert.deepEqual(out.status, { replicas: 3, selector: 'app=nginx' });
  });

  it('--record on scale: a merge patch adding the change-cause annotation', () => {
    const out = ok(
      applyPatch(
        'Deployment',
        deployment(),
        MERGE,
        '{"metadata":{"annotations":{"kubernetes.io/change-cause":"kubectl scale deployment nginx-deployment --replicas=4 --record=true"}}}',
      ),
    );
    assert.equal(out.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
    assert.match(out.metadata.annotations?.['kubernetes.io/change-cause'] ?? '', /scale/);
  });

  it('set image with the strategic-merge body kubectl sends', () => {
    const body =
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.16.1","name":"nginx"}]}}}}';
    const out = ok(applyPatch('Deployment', deployment(), `${SMP}; charset=utf-8`, body));
    assert.deepEqual(out.spec.template.spec.containers, [{ name: 'nginx', image: 'nginx:1.16.1' }]);
  });

  it('an edit patch carrying the --record change-cause in the same strategic-merge body', () => {
    const body = JSON.stringify({
      metadata: {
        annotations: {
          'kubernetes.io/change-cause': 'kubectl edit deployment/nginx-deployment --record=true',
        },
      },
      spec: { template: { spec: { containers: [{ image: 'nginx:1.17', name: 'nginx' }] } } },
    });
    const out = ok(applyPatch('Deployment', deployment(), SMP, body));
    assert.equal(out.spec.template.spec.containers[0].image, 'nginx:1.17');
    assert.equal(
      out.metadata.annotations?.['kubernetes.io/change-cause'],
      'kubectl edit deployment/nginx-deployment --record=true',
    );
  });

  it('a JSON patch replace or remove of a missing path fails with 422 naming the path', () => {
    for (const [op, expected] of [
      [
        '{"op":"replace","path":"/spec/paused","value":true}',
        'replace operation does not apply: doc is missing path: /spec/paused',
      ],
      [
        '{"op":"remove","path":"/metadata/labels/app"}',
        'remove operation does not apply: doc is missing path: /metadata/labels/app',
      ],
      [
        '{"op":"add","path":"/spec/strategy/rollingUpdate/maxSurge","value":1}',
        'add operation does not apply: doc is missing path',
      ],
    ] as const) {
      const status = fails(applyPatch('Deployment', deployment(), JSON_PATCH, `[${op}]`));
      assert.equal(status.code, 422);
      assert.equal(status.reason, 'Invalid');
      assert.equal(status.message, 'the server rejected our request due to an error in our request');
      const cause = status.details?.causes?.[0];
      assert.equal(cause?.reason, 'UnexpectedServerResponse');
      assert.ok(cause?.message?.includes(expected), cause?.message);
    }
  });

  it('a failed JSON patch test operation is a 422, a passing one lets the patch through', () => {
    const failed = fails(
      applyPatch(
        'Deployment',
        deployment(),
        JSON_PATCH,
        '[{"op":"test","path":"/metadata/resourceVersion","value":"6"},{"op":"replace","path":"/spec/replicas","value":1}]',
      ),
    );
    assert.equal(failed.code, 422);
    assert.match(
      failed.details?.causes?.[0]?.message ?? '',
      /testing value \/metadata\/resourceVersion failed: test failed/,
    );
    const passed = ok(
      applyPatch(
        'Deployment',
        deployment(),
        JSON_PATCH,
        '[{"op":"test","path":"/metadata/resourceVersion","value":"7"},{"op":"replace","path":"/spec/replicas","value":1}]',
      ),
    );
    assert.equal(passed.spec.replicas, 1);
  });

  it('malformed JSON patches are a 400, too many operations a 413', () => {
    for (const body of [
      '{"op":"add"}',
      '[{"op":"frobnicate","path":"/a"}]',
      '[{"op":"replace","path":"/a"}]',
      '[{"op":"move","path":"/a"}]',
      '[{"op":"add","path":"a","value":1}]',
      '[1]',
    ]) {
      assert.equal(fails(applyPatch('Deployment', deployment(), JSON_PATCH, body)).code, 400, body);
    }
    const many = JSON.stringify(
      Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' })),
    );
    assert.equal(fails(applyPatch('Deployment', deployment(), JSON_PATCH, many)).code, 413);
  });

  it('bodies that are not JSON are a 400', () => {
    for (const ct of [JSON_PATCH, MERGE, SMP]) {
      const status = fails(applyPatch('Deployment', deployment(), ct, '{"spec":'));
      assert.equal(status.code, 400);
      assert.match(status.message, /^error decoding patch: /);
    }
    assert.equal(fails(applyPatch('Deployment', deployment(), SMP, '[]')).code, 400);
  });

  it('an unknown patch Content-Type is a 415 listing the accepted ones', () => {
    for (const ct of ['application/json', 'text/plain', undefined]) {
      const status = fails(applyPatch('Deployment', deployment(), ct, '{}'));
      assert.equal(status.code, 415);
      assert.equal(status.reason, 'UnsupportedMediaType');
      assert.match(status.message, /application\/strategic-merge-patch\+json/);
    }
  });

  it('patching a missing object is a 404, except server-side apply which creates it', () => {
    const status = fails(
      applyPatch('Deployment', undefined, SMP, '{}', { name: 'web', namespace: 'default' }),
    );
    assert.equal(status.code, 404);
    assert.equal(status.message, 'deployments.apps "web" not found');

    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
    const created = ok(
      applyPatch('Deployment', undefined, APPLY, manifest, { name: 'web', namespace: 'default' }),
    );
    assert.deepEqual(created, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2 },
    });
  });

  it("server-side apply merges a JSON manifest into the live object by the kind's merge keys", () => {
    const manifest = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx-deployment', labels: { tier: 'web' } },
      spec: {
        replicas: 5,
        template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
    const out = ok(
      applyPatch('Deployment', deployment(), APPLY, manifest, {
        name: 'nginx-deployment',
        namespace: 'default',
      }),
    );
    assert.equal(out.spec.replicas, 5);
    assert.deepEqual(out.spec.template.spec.containers, [
      { name: 'nginx', image: 'nginx:1.91', ports: [{ containerPort: 80 }] },
    ]);
    assert.deepEqual(out.metadata.labels, { tier: 'web' });
    assert.equal(out.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
  });

  it('server-side apply rejects manifests for another object', () => {
    const target = { name: 'nginx-deployment', namespace: 'default' };
    for (const manifest of [
      'kind: Deployment\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: nginx-deployment}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nginx-deployment, namespace: prod}\n',
      '- a\n- b\n',
      'a: [',
    ]) {
      assert.equal(
        fails(applyPatch('Deployment', deployment(), APPLY, manifest, target)).code,
        400,
        manifest,
      );
    }
  });

  it('a patch may not change kind or apiVersion, or drop metadata', () => {
    assert.equal(fails(applyPatch('Deployment', deployment(), MERGE, '{"kind":"Pod"}')).code, 400);
    assert.equal(fails(applyPatch('Deployment', deployment(), MERGE, '{"apiVersion":"apps/v2"}')).code, 400);
    assert.equal(fails(applyPatch('Deployment', deployment(), MERGE, '{"metadata":null}')).code, 400);
    assert.equal(fails(applyPatch('Deployment', deployment(), MERGE, '[1]')).code, 400);
    const restored = ok(
      applyPatch('Deployment', deployment(), JSON_PATCH, '[{"op":"remove","path":"/kind"}]'),
    );
    assert.equal(restored.kind, 'Deployment');
  });

  it('accepts the body as bytes', () => {
    const out = ok(
      applyPatch('Deployment', deployment(), SMP, new TextEncoder().encode('{"spec":{"paused":true}}')),
    );
    assert.equal(out.spec.paused, true);
  });
});

describe('JSON merge patch (RFC 7386 appendix A)', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of cases) {
    it(`${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => {
      assert.deepEqual(applyMergePatch(target, patch), result);
    });
  }
});

describe('JSON patch (RFC 6902 examples)', () => {
  it('applies add, remove, replace, move, copy and test', () => {
    const doc = { foo: ['bar', 'baz'], baz: 'qux', obj: { a: 1 } };
    const r = applyJsonPatch(doc, [
      { op: 'add', path: '/foo/1', value: 'qux' },
      { op: 'remove', path: '/baz' },
      { op: 'replace', path: '/obj/a', value: 2 },
      { op: 'move', from: '/obj/a', path: '/moved' },
      { op: 'copy', from: '/foo/0', path: '/copied' },
      { op: 'test', path: '/copied', value: 'bar' },
      { op: 'add', path: '/foo/-', value: 'end' },
      { op: 'add', path: '/a~1b', value: 'escaped' },
    ]);
    assert.deepEqual(
      r,
      E.right({ foo: ['bar', 'qux', 'baz', 'end'], obj: {}, moved: 2, copied: 'bar', 'a/b': 'escaped' }),
    );
    assert.deepEqual(doc, { foo: ['bar', 'baz'], baz: 'qux', obj: { a: 1 } }, 'input untouched');
  });

  it('reports missing from paths and out-of-bounds indices', () => {
    const missingFrom = fails(applyJsonPatch({ a: 1 }, [{ op: 'move', from: '/b', path: '/c' }]));
    assert.match(
      missingFrom.details?.causes?.[0]?.message ?? '',
      /move operation does not apply: doc is missing from path: \/b/,
    );
    const bounds = fails(applyJsonPatch({ a: [1] }, [{ op: 'add', path: '/a/5', value: 2 }]));
    assert.match(bounds.details?.causes?.[0]?.message ?? '', /index out of bounds: \/a\/5/);
  });
});
