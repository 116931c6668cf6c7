import assert from 'node:assert/strict';
import { parseRequestPath } from './request-info.js';

describe('parseRequestPath', () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      '/api/v1/pods',
      { type: 'resource', group: '', resource: 'pods', namespace: undefined, name: undefined },
    ],
    ['/api/v1/namespaces/default/pods', { type: 'resource', resource: 'pods', namespace: 'default' }],
    ['/api/v1/namespaces/default/pods/web-0/exec', { resource: 'pods', name: 'web-0', subresource: 'exec' }],
    ['/api/v1/namespaces/default', { resource: 'namespaces', name: 'default', namespace: undefined }],
    [
      '/api/v1/namespaces/kube-system/status',
      { resource: 'namespaces', name: 'kube-system', subresource: 'status' },
    ],
    [
      '/apis/apps/v1/namespaces/default/deployments/x/scale',
      { group: 'apps', resource: 'deployments', subresource: 'scale' },
    ],
    ['/apis/apps/v1/deployments', { group: 'apps', resource: 'deployments', namespace: undefined }],
    ['/api/v1/nodes/n1', { resource: 'nodes', name: 'n1' }],
    ['/apis/apps/v1/namespaces/default/widgets', { type: 'unknown-resource', resource: 'widgets' }],
    ['/apis/apps/v2/deployments', { type: 'unknown-resource' }],
    ['/version', { type: 'path', path: '/version' }],
    ['/apis/apps', { type: 'path', path: '/apis/apps' }],
    ['/api/v1', { type: 'path', path: '/api/v1' }],
  ];
  for (const [path, want] of cases) {
    it(path, () => {
      const got = parseRequestPath(path) as unknown as Record<string, unknown> & {
        info?: { resource: string };
      };
      const flat: Record<string, unknown> = { ...got, resource: got.info?.resource ?? got.resource };
      for (const [k, v] of Object.entries(want)) assert.equal(flat[k], v, `${k} of ${path}`);
    });
  }
});
