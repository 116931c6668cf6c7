// OpenAPI documents and field validation (kubectl-wire.md §4).
import assert from 'node:assert/strict';
import { KINDS } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { findUnknownFields, validateFields } from './field-validation.js';
import { OPENAPI_V2_CONTENT_TYPE, openApiV2Stub } from './v2.js';
import { groupVersionPath, openApiV3Document, openApiV3Index } from './v3.js';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked loosely, as kubectl reads them
type Schema = Record<string, any>;

function schemaOf(path: string, name: string): Schema {
  const doc = openApiV3Document(path);
  assert.ok(doc, path);
  const s = doc.document.components.schemas[name] as Schema;
  assert.ok(s, name);
  return s;
}

/** Follows a property's reference the way kubectl explain does (direct $ref or allOf[0].$ref). */
function refName(prop: Schema): string {
  const ref = prop.$ref ?? prop.allOf?.[0]?.$ref;
  assert.ok(typeof ref === 'string', JSON.stringify(prop));
  return ref.replace('#/components/schemas/', '');
}

describe('OpenAPI v2 stub', () => {
  it('is the 5-byte protobuf of {swagger: "2.0"} with the dotted content type', () => {
    assert.deepEqual([...openApiV2Stub()], [0x0a, 0x03, 0x32, 0x2e, 0x30]);
    assert.equal(OPENAPI_V2_CONTENT_TYPE, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
  });
});

describe('OpenAPI v3', () => {
  it('indexes one document per served group-version, addressed with its hash', () => {
    const index = openApiV3Index();
    assert.deepEqual(Object.keys(index.paths).sort(), [
      'api/v1',
      'apis/apps/v1',
      'apis/coordination.k8s.io/v1',
      'apis/storage.k8s.io/v1',
    ]);
    const apps = index.paths['apis/apps/v1'].serverRelativeURL;
    assert.match(apps, /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    assert.equal(apps.split('hash=')[1], openApiV3Document('apis/apps/v1')?.hash);
    assert.deepEqual(openApiV3Index(), index, 'stable');
    assert.equal(
      openApiV3Document('/openapi/v3/apis/apps/v1/')?.hash,
      openApiV3Document('apis/apps/v1')?.hash,
    );
    assert.equal(openApiV3Document('apis/batch/v1'), undefined);
  });

  it('tags a PATCH operation of every kind with its GVK and lists fieldValidation', () => {
    for (const info of KINDS) {
      const doc = openApiV3Document(groupVersionPath(info))!.document;
      const patches = Object.values(doc.paths)
        .map((p) => (p as Schema).patch)
        .filter((op) => op?.['x-kubernetes-group-version-kind']?.kind === info.kind);
      assert.ok(patches.length > 0, info.kind);
      for (const op of patches) {
        assert.deepEqual(op['x-kubernetes-group-version-kind'], {
          group: info.group,
          version: info.version,
          kind: info.kind,
        });
        assert.ok(
          op.parameters.some((p: Schema) => p.name === 'fieldValidation' && p.in === 'query'),
          info.kind,
        );
        assert.ok(op.requestBody.content['application/strategic-merge-patch+json']);
      }
    }
    const apps = openApiV3Document('apis/apps/v1')!.document;
    assert.ok(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']);
    assert.equal(
      (apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'] as Schema).patch[
        'x-kubernetes-group-version-kind'
      ].kind,
      'Scale',
    );
    assert.ok(openApiV3Document('api/v1')!.document.paths['/api/v1/nodes/{name}']);
  });

  it('resolves every reference inside the same document', () => {
    for (const key of Object.keys(openApiV3Index().paths)) {
      const doc = openApiV3Document(key)!.document;
      const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z0-9.]+/g) ?? [];
      for (const ref of new Set(refs)) {
        assert.ok(doc.components.schemas[ref.replace('#/components/schemas/', '')], `${key}: ${ref}`);
      }
    }
  });

  it('describes deployment, deployment.spec.replicas and pod.spec.containers for kubectl explain', () => {
    const deployment = schemaOf('apis/apps/v1', 'io.k8s.api.apps.v1.Deployment');
    assert.equal(deployment.type, 'object');
    assert.deepEqual(deployment['x-kubernetes-group-version-kind'], [
      { group: 'apps', version: 'v1', kind: 'Deployment' },
    ]);
    assert.match(deployment.description, /Pods and ReplicaSets/);
    const spec = schemaOf('apis/apps/v1', refName(deployment.properties.spec));
    assert.deepEqual(spec.properties.replicas.type, 'integer');
    assert.match(spec.properties.replicas.description, /desired pods/);
    assert.ok(spec.required.includes('selector') && spec.required.includes('template'));
    assert.equal(spec.properties.strategy['x-kubernetes-patch-strategy'], 'retainKeys');

    const podSpec = schemaOf('api/v1', refName(schemaOf('api/v1', 'io.k8s.api.core.v1.Pod').properties.spec));
    const containers = podSpec.properties.containers;
    assert.equal(containers.type, 'array');
    assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
    assert.deepEqual(containers['x-kubernetes-list-map-keys'], ['name']);
    const container = schemaOf('api/v1', refName(containers.items));
    assert.equal(container.properties.image.type, 'string');
    assert.deepEqual(container.required, ['name']);
    assert.equal(podSpec.properties.nodeSelector.additionalProperties.type, 'string');
    assert.equal(
      schemaOf('api/v1', 'io.k8s.api.core.v1.ResourceRequirements').properties.limits.additionalProperties
        .allOf[0].$ref,
      '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
    );
    assert.equal(
      schemaOf('apis/apps/v1', 'io.k8s.api.apps.v1.DeploymentList')['x-kubernetes-group-version-kind'][0]
        .kind,
      'DeploymentList',
    );
  });
});

describe('findUnknownFields', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      labels: { 'any/key': 'x' },
      annotations: { whatever: 'y' },
      creationTimestamp: null,
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          nodeSelector: { 'disk-type': 'ssd' },
          containers: [
            {
              name: 'web',
              image: 'nginx',
              resources: { limits: { cpu: '1' } },
              ports: [{ containerPort: 80 }],
            },
          ],
        },
      },
    },
    status: {},
  };

  it('finds nothing in a valid manifest, maps accepting any key', () => {
    assert.deepEqual(findUnknownFields('Deployment', deployment), []);
  });

  it('names unknown fields by their path, in document order', () => {
    const bad = structuredClone(deployment) as Schema;
    bad.spec.bogus = 1;
    bad.spec.template.spec.containers[0].imagee = 'nginx';
    bad.metadata.labelz = {};
    bad.extra = true;
    assert.deepEqual(findUnknownFields('Deployment', bad), [
      'metadata.labelz',
      'spec.template.spec.containers[0].imagee',
      'spec.bogus',
      'extra',
    ]);
  });

  it('accepts free-form content (ControllerRevision data) and kinds of every group', () => {
    assert.deepEqual(
      findUnknownFields('ControllerRevision', {
        kind: 'ControllerRevision',
        data: { spec: { anything: 1 } },
        revision: 1,
      }),
      [],
    );
    assert.deepEqual(
      findUnknownFields('ConfigMap', { data: { k: 'v' }, binaryData: {}, immutable: true, bogus: 1 }),
      ['bogus'],
    );
    assert.deepEqual(findUnknownFields('Lease', { spec: { holderIdentity: 'a', holder: 'b' } }), [
      'spec.holder',
    ]);
    assert.deepEqual(findUnknownFields('Widget', { anything: 1 }), []);
  });

  it('skips values of the wrong shape (a type error, not an unknown field)', () => {
    assert.deepEqual(findUnknownFields('Pod', { spec: 'oops', metadata: [] }), []);
  });
});

describe('validateFields', () => {
  const bad = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { bogus: 1 } };

  it("Strict rejects unknown fields with the API server's 400", () => {
    const r = validateFields('Deployment', bad, 'Strict');
    assert.ok(E.isLeft(r));
    assert.equal(r.left.code, 400);
    assert.equal(
      r.left.message,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"',
    );
  });

  it('Warn returns the warnings, Ignore and clean bodies none', () => {
    assert.deepEqual(validateFields('Deployment', bad, 'Warn'), E.right(['unknown field "spec.bogus"']));
    assert.deepEqual(validateFields('Deployment', bad, 'Ignore'), E.right([]));
    assert.deepEqual(validateFields('Deployment', { spec: {} }, 'Strict'), E.right([]));
  });
});
