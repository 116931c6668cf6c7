import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests, parseManifests } from './manifests.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector:
    app: nginx
  ports:
  - port: 80
`;

const names = (text: string) =>
  parseManifests(text, 'f.yaml').map((m) => `${m.object.kind}/${m.object.metadata.name}`);

describe('manifests', () => {
  it('reads one YAML document', () => {
    const [m] = parseManifests(DEPLOYMENT, 'deploy.yaml');
    assert.equal(m.source, 'deploy.yaml');
    assert.equal(m.object.spec.template.spec.containers[0].image, 'nginx:1.7.9');
    assert.equal(m.object.spec.replicas, 3);
  });

  it('reads several documents and skips empty ones', () => {
    assert.deepEqual(names(`---\n${DEPLOYMENT}---\n# just a comment\n---\n${SERVICE}---\n`), [
      'Deployment/nginx-deployment',
      'Service/nginx',
    ]);
  });

  it('reads JSON', () => {
    assert.deepEqual(
      names(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} })),
      ['Pod/p'],
    );
  });

  it('unpacks a List', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }],
    };
    assert.deepEqual(names(JSON.stringify(list)), ['ConfigMap/a']);
  });

  const refused: [string, string, RegExp][] = [
    [
      'a document without kind',
      'apiVersion: v1\nmetadata: {name: x}\n',
      /error validating "f.yaml": error validating data: \[kind not set\]/,
    ],
    ['a document without both', 'metadata: {name: x}\n', /\[apiVersion not set, kind not set\]/],
    [
      'an unknown kind',
      'apiVersion: v1\nkind: Widget\nmetadata: {name: x}\n',
      /no matches for kind "Widget" in version "v1"/,
    ],
    [
      'a kind in the wrong group',
      'apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n',
      /no matches for kind "Deployment" in version "v1"/,
    ],
    ['broken YAML', 'kind: [unclosed\n', /error parsing f.yaml/],
    ['a scalar document', 'just text\n', /not an object/],
  ];
  for (const [name, text, message] of refused) {
    it(`refuses ${name}`, () => assert.throws(() => parseManifests(text, 'f.yaml'), message));
  }

  describe('from paths', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ksim-manifests-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads files, stdin and directories (sorted, recursive only with -R)', () => {
      writeFileSync(join(dir, 'b-svc.yaml'), SERVICE);
      writeFileSync(join(dir, 'a-deploy.yml'), DEPLOYMENT);
      writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
      mkdirSync(join(dir, 'sub'));
      writeFileSync(
        join(dir, 'sub', 'cm.json'),
        JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      );
      const kinds = (recursive: boolean) =>
        loadManifests([dir, '-'], {
          recursive,
          stdin: () => 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n',
        }).map((m) => `${m.object.kind}@${m.source.replace(dir, '.')}`);
      assert.deepEqual(kinds(false), ['Deployment@./a-deploy.yml', 'Service@./b-svc.yaml', 'Pod@STDIN']);
      assert.deepEqual(kinds(true), [
        'Deployment@./a-deploy.yml',
        'Service@./b-svc.yaml',
        'ConfigMap@./sub/cm.json',
        'Pod@STDIN',
      ]);
    });

    it('names a missing path', () => {
      assert.throws(() => loadManifests([join(dir, 'nope.yaml')]), /the path ".*nope.yaml" does not exist/);
    });
  });
});
