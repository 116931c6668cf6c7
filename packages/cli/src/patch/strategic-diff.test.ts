import assert from 'node:assert/strict';
import type { JsonRecord } from '@kubesim/api';
import { threeWayMergePatch, twoWayMergePatch } from './strategic-diff.js';

// A Deployment manifest as a user writes it, and the same object as the server holds it (defaults, status,
// server metadata and an annotation written by the controller).
function manifest(image = 'nginx:1.7.9', extra: JsonRecord = {}): JsonRecord {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] },
      },
      ...extra,
    },
  };
}

function live(applied: JsonRecord): JsonRecord {
  const obj = structuredClone(applied) as JsonRecord & {
    metadata: JsonRecord;
    spec: JsonRecord & { template: JsonRecord };
  };
  obj.metadata = {
    ...obj.metadata,
    uid: 'u-1',
    resourceVersion: '42',
    generation: 1,
    annotations: { 'deployment.kubernetes.io/revision': '1' },
  };
  const spec = obj.spec as { template: { spec: { containers: JsonRecord[] } } } & JsonRecord;
  spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  spec.template.spec.containers = spec.template.spec.containers.map((c) => ({
    ...c,
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    ...(c.ports ? { ports: (c.ports as JsonRecord[]).map((p) => ({ ...p, protocol: 'TCP' })) } : {}),
  }));
  obj.status = { replicas: 3, availableReplicas: 3 };
  return obj;
}

describe('strategic merge patches', () => {
  describe('two-way (edit, set image)', () => {
    it('changes one container image the way kubectl set image does', () => {
      // The body kubectl 1.32 sends for `set image deployment/nginx-deployment nginx=nginx:1.91`.
      assert.deepEqual(twoWayMergePatch(manifest(), manifest('nginx:1.91')), {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'nginx' }],
              containers: [{ image: 'nginx:1.91', name: 'nginx' }],
            },
          },
        },
      });
    });

    it('is empty for equal objects', () => {
      assert.deepEqual(twoWayMergePatch(manifest(), manifest()), {});
    });

    it('deletes removed map keys with null and replaces unkeyed lists', () => {
      const before = { metadata: { labels: { a: '1', b: '2' } }, spec: { tolerations: [{ key: 'x' }] } };
      const after = { metadata: { labels: { a: '1' } }, spec: { tolerations: [{ key: 'y' }] } };
      assert.deepEqual(twoWayMergePatch(before, after), {
        metadata: { labels: { b: null } },
        spec: { tolerations: [{ key: 'y' }] },
      });
    });

    it('marks removed keyed elements with $patch: delete', () => {
      const two = {
        spec: {
          containers: [
            { name: 'a', image: 'x' },
            { name: 'b', image: 'y' },
          ],
        },
      };
      const one = { spec: { containers: [{ name: 'a', image: 'x' }] } };
      assert.deepEqual(twoWayMergePatch(two, one), {
        spec: {
          containers: [{ name: 'b', $patch: 'delete' }],
          '$setElementOrder/containers': [{ name: 'a' }],
        },
      });
    });

    it('sends the new order when keyed elements are reordered', () => {
      const ab = { spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
      const ba = { spec: { containers: [{ name: 'b' }, { name: 'a' }] } };
      assert.deepEqual(twoWayMergePatch(ab, ba), {
        spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
      });
    });

    it('merges container ports by containerPort and service ports by port', () => {
      const c = (port: number, name: string) => ({
        spec: { containers: [{ name: 'a', ports: [{ containerPort: port, name }] }] },
      });
      assert.deepEqual(twoWayMergePatch(c(80, 'http'), c(80, 'web')), {
        spec: {
          containers: [
            {
              name: 'a',
              ports: [{ containerPort: 80, name: 'web' }],
              '$setElementOrder/ports': [{ containerPort: 80 }],
            },
          ],
          '$setElementOrder/containers': [{ name: 'a' }],
        },
      });
      assert.deepEqual(
        twoWayMergePatch(
          { spec: { ports: [{ port: 80, targetPort: 80 }] } },
          { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
        ),
        {
          spec: { ports: [{ port: 80, targetPort: 8080 }], '$setElementOrder/ports': [{ port: 80 }] },
        },
      );
    });

    it('patches scalar sets with $deleteFromPrimitiveList', () => {
      assert.deepEqual(
        twoWayMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['a', 'c'] } }),
        {
          metadata: {
            finalizers: ['c'],
            '$deleteFromPrimitiveList/finalizers': ['b'],
            '$setElementOrder/finalizers': ['a', 'c'],
          },
        },
      );
    });

    it('retains only the new keys when a Deployment changes strategy', () => {
      const rolling = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
      const recreate = { spec: { strategy: { type: 'Recreate' } } };
      assert.deepEqual(twoWayMergePatch(rolling, recreate), {
        spec: { strategy: { type: 'Recreate', rollingUpdate: null, $retainKeys: ['type'] } },
      });
    });
  });

  describe('three-way (apply)', () => {
    const lastApplied = manifest();

    it('is empty when the manifest is unchanged, whatever the server added', () => {
      assert.deepEqual(threeWayMergePatch(lastApplied, manifest(), live(lastApplied)), {});
    });

    it('sends a changed image with the container order', () => {
      assert.deepEqual(threeWayMergePatch(lastApplied, manifest('nginx:1.91'), live(lastApplied)), {
        spec: {
          template: {
            spec: {
              containers: [{ image: 'nginx:1.91', name: 'nginx' }],
              '$setElementOrder/containers': [{ name: 'nginx' }],
            },
          },
        },
      });
    });

    it('deletes only what was removed from the manifest, never what others set', () => {
      const withLabel = structuredClone(lastApplied) as { metadata: { labels: JsonRecord } } & JsonRecord;
      withLabel.metadata.labels.tier = 'web';
      const current = live(withLabel);
      (current.metadata as { labels: JsonRecord }).labels.team = 'ops';
      assert.deepEqual(threeWayMergePatch(withLabel, manifest(), current), {
        metadata: { labels: { tier: null } },
      });
    });

    it('reverts a field changed on the server that the manifest still sets', () => {
      const current = live(lastApplied);
      (current.spec as JsonRecord).replicas = 5;
      assert.deepEqual(threeWayMergePatch(lastApplied, manifest(), current), { spec: { replicas: 3 } });
    });

    it('adds what the manifest newly sets', () => {
      const patch = threeWayMergePatch(
        lastApplied,
        manifest('nginx:1.7.9', { minReadySeconds: 5 }),
        live(lastApplied),
      );
      assert.deepEqual(patch, { spec: { minReadySeconds: 5 } });
    });

    it('without a last applied configuration deletes nothing', () => {
      const current = live(lastApplied);
      (current.metadata as { labels: JsonRecord }).labels.extra = 'x';
      assert.deepEqual(threeWayMergePatch(undefined, manifest(), current), {});
    });

    it('combines a removed container with a changed one', () => {
      const two = manifest();
      const spec = (two.spec as { template: { spec: { containers: JsonRecord[] } } }).template.spec;
      spec.containers.push({ name: 'sidecar', image: 'busybox' });
      assert.deepEqual(threeWayMergePatch(two, manifest('nginx:2'), live(two)), {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'sidecar', $patch: 'delete' },
                { image: 'nginx:2', name: 'nginx' },
              ],
              '$setElementOrder/containers': [{ name: 'nginx' }],
            },
          },
        },
      });
    });
  });
});
