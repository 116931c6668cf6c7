import assert from 'node:assert/strict';
import type { JsonRecord, KubeObject } from '@kubesim/api';
import { parseOutputFormat, printObjects } from '../output/printers.js';
import { lastAppliedConfiguration } from './apply.js';
import { deleteOptions, parseDuration } from './delete.js';
import { EDIT_CANCELLED, editableText, editPatch, readEdited } from './edit.js';
import { booleanValue, dryRunStrategy } from './flags.js';
import { logRow } from './log.js';
import { buildNode, parseTaint } from './nodes.js';
import { parsePatch } from './patch.js';
import { parseImageArgs, withImages } from './set-image.js';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', managedFields: [{ manager: 'x' }] },
  spec: {
    template: {
      spec: {
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [
          { name: 'nginx', image: 'nginx:1.7.9' },
          { name: 'sidecar', image: 'envoy' },
        ],
      },
    },
  },
};

describe('command helpers', () => {
  describe('output formats', () => {
    const formats: [string | undefined, string][] = [
      [undefined, 'table'],
      ['wide', 'table'],
      ['name', 'name'],
      ['json', 'json'],
      ['yaml', 'yaml'],
      ['jsonpath={.metadata.name}', 'jsonpath'],
    ];
    for (const [value, kind] of formats) {
      it(`parses -o ${value ?? '(none)'}`, () => assert.equal(parseOutputFormat(value).kind, kind));
    }

    it('refuses unknown formats and broken templates', () => {
      assert.throws(
        () => parseOutputFormat('xml'),
        /unable to match a printer suitable for the output format "xml"/,
      );
      assert.throws(() => parseOutputFormat('jsonpath={.a'), /error parsing jsonpath \{\.a, unclosed action/);
    });

    it('prints one named object bare and several as a List, without managedFields', () => {
      const info = { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments' } as never;
      const bare = JSON.parse(printObjects([{ obj: deployment, info }], { kind: 'json' }, true));
      assert.equal(bare.kind, 'Deployment');
      assert.equal(bare.metadata.managedFields, undefined);
      const list = JSON.parse(printObjects([{ obj: deployment, info }], { kind: 'json' }, false));
      assert.deepEqual([list.kind, list.apiVersion, list.items.length], ['List', 'v1', 1]);
      assert.equal(
        printObjects([{ obj: deployment, info }], { kind: 'name' }, false),
        'deployment.apps/web\n',
      );
    });
  });

  describe('flags', () => {
    it('reads --dry-run strategies and Go-style booleans', () => {
      assert.deepEqual(
        [undefined, true, 'client', 'server', 'none'].map((v) =>
          dryRunStrategy(v as string | boolean | undefined),
        ),
        ['none', 'client', 'client', 'server', 'none'],
      );
      assert.throws(() => dryRunStrategy('maybe'), /Invalid dry-run value/);
      assert.deepEqual(['true', 'false', '1', '0'].map(booleanValue), [true, false, true, false]);
    });
  });

  describe('apply', () => {
    it('writes the last-applied configuration as kubectl does: sorted compact JSON, empty annotations kept', () => {
      const obj: KubeObject = {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: {
          namespace: 'default',
          name: 's',
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'old' },
        },
        spec: { ports: [{ port: 80 }], selector: { app: 'a<b' } },
      };
      assert.equal(
        lastAppliedConfiguration(obj),
        '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"s","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"a\\u003cb"}}}\n',
      );
    });
  });

  describe('delete', () => {
    const options: [string, Parameters<typeof deleteOptions>[0], Record<string, unknown>][] = [
      ['background by default', { cascade: 'background' }, { propagationPolicy: 'Background' }],
      ['foreground', { cascade: 'foreground' }, { propagationPolicy: 'Foreground' }],
      ['orphan (also --cascade=false)', { cascade: 'false' }, { propagationPolicy: 'Orphan' }],
      [
        'a grace period',
        { cascade: 'background', gracePeriod: 5 },
        { propagationPolicy: 'Background', gracePeriodSeconds: 5 },
      ],
      [
        '--now',
        { cascade: 'background', now: true },
        { propagationPolicy: 'Background', gracePeriodSeconds: 1 },
      ],
      [
        '--force',
        { cascade: 'background', force: true },
        { propagationPolicy: 'Background', gracePeriodSeconds: 0 },
      ],
    ];
    for (const [name, flags, body] of options) {
      it(`sends DeleteOptions for ${name}`, () => assert.deepEqual(deleteOptions(flags), body));
    }

    it('refuses an unknown cascade and parses Go durations', () => {
      assert.throws(() => deleteOptions({ cascade: 'sideways' }), /invalid cascade value \(sideways\)/);
      assert.deepEqual(
        ['0s', '30s', '2m', '1h30m', '500ms', '15'].map(parseDuration),
        [0, 30_000, 120_000, 5_400_000, 500, 15_000],
      );
      assert.throws(() => parseDuration('soon'), /invalid duration "soon"/);
    });
  });

  describe('set image', () => {
    it('splits resources from container=image pairs', () => {
      const { resources, images } = parseImageArgs([
        'deployment/web',
        'nginx=nginx:1.9.1',
        'sidecar=envoy:2',
      ]);
      assert.deepEqual(resources, ['deployment/web']);
      assert.deepEqual(
        [...images],
        [
          ['nginx', 'nginx:1.9.1'],
          ['sidecar', 'envoy:2'],
        ],
      );
      assert.throws(() => parseImageArgs(['deployment/web']), /at least one image update is required/);
    });

    it('sets images by container name, init containers included, or all with *', () => {
      const one = withImages(deployment, new Map([['init', 'busybox:1.36']]));
      assert.equal(one.spec.template.spec.initContainers[0].image, 'busybox:1.36');
      assert.equal(
        deployment.spec.template.spec.initContainers[0].image,
        'busybox',
        'the original is untouched',
      );
      const all = withImages(deployment, new Map([['*', 'x:1']]));
      assert.deepEqual(
        all.spec.template.spec.containers.map((c: { image: string }) => c.image),
        ['x:1', 'x:1'],
      );
      const pod = withImages(
        { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'c', image: 'a' }] } },
        new Map([['c', 'b']]),
      );
      assert.equal(pod.spec.containers[0].image, 'b');
      assert.throws(
        () => withImages(deployment, new Map([['nope', 'x']])),
        /unable to find container named "nope"/,
      );
    });
  });

  describe('patch', () => {
    it('takes the patch as JSON or YAML', () => {
      assert.deepEqual(parsePatch('{"spec":{"replicas":2}}'), { spec: { replicas: 2 } });
      assert.deepEqual(parsePatch('spec:\n  paused: true\n'), { spec: { paused: true } });
      assert.deepEqual(parsePatch('[{"op":"remove","path":"/spec/paused"}]'), [
        { op: 'remove', path: '/spec/paused' },
      ]);
    });
  });

  describe('edit', () => {
    const shown = editableText(deployment, 'yaml');
    const original = readEdited(shown) as JsonRecord;

    it('shows the object under kubectl’s comment header and ignores comments when reading back', () => {
      assert.match(shown, /^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
      assert.deepEqual(original, JSON.parse(JSON.stringify(deployment)));
      assert.equal(readEdited('# only comments\n\n'), undefined);
    });

    it('patches only what changed, or nothing', () => {
      const edited = readEdited(shown.replace('nginx:1.7.9', 'nginx:1.9.1')) as JsonRecord;
      assert.deepEqual(editPatch(original, edited), {
        spec: {
          template: {
            spec: {
              containers: [{ name: 'nginx', image: 'nginx:1.9.1' }],
              '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
            },
          },
        },
      });
      assert.equal(editPatch(original, original), undefined);
      assert.equal(EDIT_CANCELLED, 'Edit cancelled, no changes made.');
    });

    it('refuses a changed name', () => {
      const renamed = readEdited(shown.replace('name: web', 'name: other')) as JsonRecord;
      assert.throws(
        () => editPatch(original, renamed),
        /At least one of apiVersion, kind and name was changed/,
      );
    });
  });

  describe('nodes', () => {
    it('parses taints in kubectl syntax', () => {
      assert.deepEqual(parseTaint('dedicated=db:NoSchedule'), {
        key: 'dedicated',
        value: 'db',
        effect: 'NoSchedule',
      });
      assert.deepEqual(parseTaint('node.kubernetes.io/unreachable:NoExecute'), {
        key: 'node.kubernetes.io/unreachable',
        effect: 'NoExecute',
      });
      assert.throws(() => parseTaint('x=y'), /invalid taint spec/);
      assert.throws(() => parseTaint('x:Never'), /invalid taint effect: Never/);
    });

    it('builds the Node a kubelet registers', () => {
      const node = buildNode('node-1', {
        cpu: '8',
        memory: '16Gi',
        pods: '110',
        taint: ['gpu:PreferNoSchedule'],
        label: ['zone=b'],
      });
      assert.deepEqual(node.metadata.labels, {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'node-1',
        'kubernetes.io/os': 'linux',
        zone: 'b',
      });
      assert.deepEqual(node.spec, { taints: [{ key: 'gpu', effect: 'PreferNoSchedule' }] });
      assert.deepEqual(node.status, {
        capacity: { cpu: '8', memory: '16Gi', pods: '110' },
        allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
      });
      assert.throws(
        () => buildNode('n', { cpu: 'lots', memory: '1Gi', pods: '1', taint: [], label: [] }),
        /invalid --cpu "lots"/,
      );
    });
  });

  describe('event log and history', () => {
    it('prints one row per log event', () => {
      assert.deepEqual(logRow({ revision: 42, type: 'MODIFIED', kind: 'Deployment', key: 'default/web' }), [
        '42',
        'MODIFIED',
        'Deployment',
        'default/web',
      ]);
    });
  });
});
