import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import {
  deploymentMaxSurge,
  deploymentMaxUnavailable,
  resolveDaemonSetFenceposts,
  resolveFenceposts,
  resolveIntOrPercent,
  roundHalfAwayFromZero,
} from './intstr.js';

describe('int-or-percent', () => {
  it('resolves ints as is and percents with the requested rounding (intstr_test.go)', () => {
    const cases: [number | string, number, boolean, number][] = [
      [123, 100, false, 123],
      ['90%', 100, true, 90],
      ['90%', 95, true, 86],
      ['90%', 95, false, 85],
      ['25%', 10, true, 3],
      ['25%', 10, false, 2],
      ['0%', 0, true, 0],
      ['100%', 7, false, 7],
      ['39%', 10, true, 4],
      ['39%', 10, false, 3],
    ];
    for (const [v, total, up, want] of cases) {
      assert.deepEqual(resolveIntOrPercent(v, total, up), E.right(want), `${v} of ${total} up=${up}`);
    }
  });

  it('rejects strings that are not "<n>%" (Go semantics)', () => {
    for (const bad of ['90', 'abc%', '%', '1.5%', ''])
      assert.ok(E.isLeft(resolveIntOrPercent(bad, 10, true)), bad);
    assert.deepEqual(resolveIntOrPercent(undefined, 10, true), E.left('nil value for IntOrString'));
  });

  describe('Deployment fenceposts (k8s-semantics §2)', () => {
    const worked: [number, number, number][] = [
      [1, 1, 0],
      [2, 1, 0],
      [3, 1, 0],
      [4, 1, 1],
      [5, 2, 1],
      [10, 3, 2],
    ];
    for (const [replicas, surge, unavailable] of worked) {
      it(`25%/25% of ${replicas} → surge ${surge}, unavailable ${unavailable}`, () => {
        const f = resolveFenceposts('25%', '25%', replicas);
        // ResolveFenceposts alone turns 1,0 into 1,0 (surge non-zero), so the pair is as listed.
        assert.deepEqual(f, E.right({ maxSurge: surge, maxUnavailable: unavailable }));
      });
    }
    it('39%/39% of 10 → 4, 3 (TestResolveFenceposts)', () => {
      assert.deepEqual(resolveFenceposts('39%', '39%', 10), E.right({ maxSurge: 4, maxUnavailable: 3 }));
    });
    it('0%/0% of 0 → 0, 1', () => {
      assert.deepEqual(resolveFenceposts('0%', '0%', 0), E.right({ maxSurge: 0, maxUnavailable: 1 }));
    });
    it('ints pass through and absent values count as 0', () => {
      assert.deepEqual(resolveFenceposts(3, 2, 10), E.right({ maxSurge: 3, maxUnavailable: 2 }));
      assert.deepEqual(
        resolveFenceposts(undefined, undefined, 5),
        E.right({ maxSurge: 0, maxUnavailable: 1 }),
      );
    });
    it('reports bad values', () => {
      assert.ok(E.isLeft(resolveFenceposts('x', '25%', 5)));
    });
    it('MaxSurge / MaxUnavailable helpers follow deployment_util', () => {
      const ru = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
      assert.equal(deploymentMaxSurge({ replicas: 10, strategy: ru }), 3);
      assert.equal(deploymentMaxUnavailable({ replicas: 10, strategy: ru }), 2);
      assert.equal(deploymentMaxUnavailable({ replicas: 0, strategy: ru }), 0);
      assert.equal(
        deploymentMaxUnavailable({
          replicas: 2,
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 5 } },
        }),
        2,
      );
      assert.equal(deploymentMaxSurge({ replicas: 10, strategy: { type: 'Recreate' } }), 0);
      assert.equal(deploymentMaxUnavailable({ replicas: 10, strategy: { type: 'Recreate' } }), 0);
    });
  });

  describe('DaemonSet fenceposts', () => {
    it('round both up against nodes that should run a pod', () => {
      assert.deepEqual(resolveDaemonSetFenceposts(0, '10%', 5), E.right({ maxSurge: 0, maxUnavailable: 1 }));
      assert.deepEqual(resolveDaemonSetFenceposts(0, '30%', 5), E.right({ maxSurge: 0, maxUnavailable: 2 }));
      assert.deepEqual(resolveDaemonSetFenceposts('10%', 0, 5), E.right({ maxSurge: 1, maxUnavailable: 0 }));
      assert.deepEqual(resolveDaemonSetFenceposts(0, 1, 5), E.right({ maxSurge: 0, maxUnavailable: 1 }));
    });
    it('fall back to one unavailable only when some node wants a pod', () => {
      assert.deepEqual(resolveDaemonSetFenceposts(0, '0%', 3), E.right({ maxSurge: 0, maxUnavailable: 1 }));
      assert.deepEqual(resolveDaemonSetFenceposts(0, '0%', 0), E.right({ maxSurge: 0, maxUnavailable: 0 }));
    });
  });

  it('rounds halves away from zero, unlike Math.round', () => {
    const cases: [number, number][] = [
      [2.5, 3],
      [-2.5, -3],
      [1.5, 2],
      [-1.5, -2],
      [0.4, 0],
      [-0.4, -0],
      [20.3, 20],
      [12.7, 13],
      [4.9, 5],
      [1.2, 1],
    ];
    for (const [x, want] of cases) assert.equal(roundHalfAwayFromZero(x), want, String(x));
    // The proportional-scaling worked examples of k8s-semantics §4.
    assert.equal(roundHalfAwayFromZero((8 * 33) / 13), 20);
    assert.equal(roundHalfAwayFromZero((5 * 33) / 13), 13);
  });
});
