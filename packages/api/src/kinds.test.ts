import assert from 'node:assert/strict';
import { apiVersionOf, KINDS, kindInfo, resolveResource } from './kinds.js';

describe('kind registry', () => {
  it('resolves what users type: plural, singular, short name, Kind, with an optional group', () => {
    const cases: [string, string | undefined][] = [
      ['pods', 'Pod'],
      ['pod', 'Pod'],
      ['po', 'Pod'],
      ['Pod', 'Pod'],
      ['deploy', 'Deployment'],
      ['deployments.apps', 'Deployment'],
      ['rs', 'ReplicaSet'],
      ['sts', 'StatefulSet'],
      ['ds', 'DaemonSet'],
      ['controllerrevisions', 'ControllerRevision'],
      ['svc', 'Service'],
      ['ep', 'Endpoints'],
      ['pv', 'PersistentVolume'],
      ['pvc', 'PersistentVolumeClaim'],
      ['sc', 'StorageClass'],
      ['storageclasses.storage.k8s.io', 'StorageClass'],
      ['leases', 'Lease'],
      ['ns', 'Namespace'],
      ['no', 'Node'],
      ['cm', 'ConfigMap'],
      ['ev', 'Event'],
      ['deployments.batch', undefined],
      ['widgets', undefined],
    ];
    for (const [input, kind] of cases) assert.equal(resolveResource(input)?.kind, kind, input);
  });

  it('knows scope, group/version and subresources', () => {
    assert.equal(apiVersionOf(kindInfo('Deployment')!), 'apps/v1');
    assert.equal(apiVersionOf(kindInfo('Pod')!), 'v1');
    assert.equal(apiVersionOf(kindInfo('Lease')!), 'coordination.k8s.io/v1');
    assert.equal(kindInfo('Node')!.namespaced, false);
    assert.equal(kindInfo('PersistentVolume')!.namespaced, false);
    assert.equal(kindInfo('PersistentVolumeClaim')!.namespaced, true);
    assert.ok(kindInfo('Deployment')!.scaleSubresource);
    assert.ok(!kindInfo('DaemonSet')!.scaleSubresource);
    assert.equal(kindInfo('Widget'), undefined);
    assert.equal(new Set(KINDS.map((k) => k.resource)).size, KINDS.length);
  });
});
