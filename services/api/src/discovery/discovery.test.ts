// Discovery documents and their negotiation, against the shapes kubectl was verified with (kubectl-wire.md §1, §3).
import assert from 'node:assert/strict';
import { KINDS } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { aggregatedDiscovery } from './aggregated.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './legacy.js';
import { negotiateDiscovery } from './negotiate.js';
import { versionInfo } from './version.js';

const KUBECTL_132 =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const KUBECTL_127 =
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('discovery negotiation', () => {
  const cases: [string | undefined, object][] = [
    [
      KUBECTL_132,
      {
        format: 'aggregated',
        version: 'v2',
        contentType: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      },
    ],
    [
      KUBECTL_127,
      {
        format: 'aggregated',
        version: 'v2beta1',
        contentType: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
      },
    ],
    [
      'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList, application/json; g=apidiscovery.k8s.io; v=v2beta1; as=APIGroupDiscoveryList',
      {
        format: 'aggregated',
        version: 'v2beta1',
        contentType: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
      },
    ],
    ['application/json, */*', { format: 'legacy', contentType: 'application/json' }],
    [
      'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json',
      { format: 'legacy', contentType: 'application/json' },
    ],
    [undefined, { format: 'legacy', contentType: 'application/json' }],
    ['*/*', { format: 'legacy', contentType: 'application/json' }],
  ];
  for (const [accept, want] of cases) {
    it(`${accept}`, () => assert.deepEqual(negotiateDiscovery(accept), E.right(want)));
  }

  it('answers 406 when nothing acceptable is offered', () => {
    for (const accept of [
      'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList',
      'application/vnd.kubernetes.protobuf',
      'text/html',
    ]) {
      const r = negotiateDiscovery(accept);
      assert.ok(E.isLeft(r) && r.left.code === 406, accept);
    }
  });
});

describe('aggregated discovery', () => {
  it('/apis lists apps first with the deployment entry of kubectl-wire.md §3.1', () => {
    const doc = aggregatedDiscovery('apis', 'v2');
    assert.equal(doc.kind, 'APIGroupDiscoveryList');
    assert.equal(doc.apiVersion, 'apidiscovery.k8s.io/v2');
    assert.deepEqual(doc.metadata, {});
    assert.deepEqual(
      doc.items.map((g) => g.metadata.name),
      ['apps', 'storage.k8s.io', 'coordination.k8s.io'],
    );
    const apps = doc.items[0].versions[0];
    assert.equal(apps.version, 'v1');
    assert.equal(apps.freshness, 'Current');
    const deployments = apps.resources.find((r) => r.resource === 'deployments');
    assert.deepEqual(deployments, {
      resource: 'deployments',
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        {
          subresource: 'scale',
          responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
          verbs: ['get', 'patch', 'update'],
        },
        {
          subresource: 'status',
          responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
          verbs: ['get', 'patch', 'update'],
        },
      ],
    });
    const revisions = apps.resources.find((r) => r.resource === 'controllerrevisions');
    assert.ok(
      revisions &&
        !('shortNames' in revisions) &&
        !('categories' in revisions) &&
        !('subresources' in revisions),
    );
  });

  it('/api serves the core group with pods and their subresources, and v2beta1 on request', () => {
    const doc = aggregatedDiscovery('api', 'v2beta1');
    assert.equal(doc.apiVersion, 'apidiscovery.k8s.io/v2beta1');
    assert.equal(doc.items.length, 1);
    assert.equal(doc.items[0].metadata.name, '');
    const pods = doc.items[0].versions[0].resources.find((r) => r.resource === 'pods');
    assert.deepEqual(pods?.shortNames, ['po']);
    assert.deepEqual(
      pods?.subresources?.map((s) => [s.subresource, s.responseKind.kind, s.verbs.join(' ')]),
      [
        ['attach', 'PodAttachOptions', 'create get'],
        ['binding', 'Binding', 'create'],
        ['eviction', 'Eviction', 'create'],
        ['exec', 'PodExecOptions', 'create get'],
        ['log', 'Pod', 'get'],
        ['status', 'Pod', 'get patch update'],
      ],
    );
    const nodes = doc.items[0].versions[0].resources.find((r) => r.resource === 'nodes');
    assert.equal(nodes?.scope, 'Cluster');
    const namespaces = doc.items[0].versions[0].resources.find((r) => r.resource === 'namespaces');
    assert.ok(!namespaces?.verbs.includes('deletecollection'));
  });

  it('covers every registered kind exactly once, with the short names kubectl relies on', () => {
    const all = [
      ...aggregatedDiscovery('api', 'v2').items,
      ...aggregatedDiscovery('apis', 'v2').items,
    ].flatMap((g) => g.versions.flatMap((v) => v.resources));
    assert.deepEqual(all.map((r) => r.responseKind.kind).sort(), KINDS.map((k) => k.kind).sort());
    const short = new Set(all.flatMap((r) => r.shortNames ?? []));
    for (const s of ['deploy', 'rs', 'sts', 'ds', 'pvc', 'pv', 'svc', 'po', 'no']) assert.ok(short.has(s), s);
    assert.deepEqual(
      all
        .filter((r) => r.categories?.includes('all'))
        .map((r) => r.resource)
        .sort(),
      ['daemonsets', 'deployments', 'pods', 'replicasets', 'services', 'statefulsets'],
    );
  });
});

describe('legacy discovery', () => {
  it('GET /api', () => {
    assert.deepEqual(apiVersions('127.0.0.1:8080'), {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:8080' }],
    });
  });

  it('GET /apis and /apis/apps', () => {
    const list = apiGroupList();
    assert.equal(list.kind, 'APIGroupList');
    assert.deepEqual(list.groups[0], {
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    assert.deepEqual(apiGroup('apps'), { kind: 'APIGroup', apiVersion: 'v1', ...list.groups[0] });
    assert.equal(apiGroup('batch'), undefined);
  });

  it('GET /apis/apps/v1 lists resources and their subresources', () => {
    const list = apiResourceList('apps', 'v1');
    assert.equal(list?.groupVersion, 'apps/v1');
    assert.deepEqual(
      list?.resources.find((r) => r.name === 'deployments'),
      {
        name: 'deployments',
        singularName: 'deployment',
        namespaced: true,
        kind: 'Deployment',
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['deploy'],
        categories: ['all'],
      },
    );
    assert.deepEqual(
      list?.resources.find((r) => r.name === 'deployments/scale'),
      {
        name: 'deployments/scale',
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      },
    );
    assert.deepEqual(
      list?.resources.find((r) => r.name === 'deployments/status'),
      {
        name: 'deployments/status',
        singularName: '',
        namespaced: true,
        kind: 'Deployment',
        verbs: ['get', 'patch', 'update'],
      },
    );
  });

  it('GET /api/v1 includes pods/eviction in policy/v1; unknown group-versions are undefined', () => {
    const core = apiResourceList('', 'v1');
    assert.equal(core?.groupVersion, 'v1');
    assert.deepEqual(
      core?.resources.find((r) => r.name === 'pods/eviction'),
      {
        name: 'pods/eviction',
        singularName: '',
        namespaced: true,
        group: 'policy',
        version: 'v1',
        kind: 'Eviction',
        verbs: ['create'],
      },
    );
    assert.equal(apiResourceList('apps', 'v1beta1'), undefined);
  });
});

describe('/version', () => {
  it('reports a real 1.32 minor so the kubectl dispatcher runs its 1.32 client', () => {
    const v = versionInfo();
    assert.equal(v.major, '1');
    assert.equal(v.minor, '32');
    assert.equal(v.gitVersion, 'v1.32.0');
    assert.equal(v.platform, 'linux/amd64');
    assert.equal(versionInfo('darwin/arm64').platform, 'darwin/arm64');
  });
});
