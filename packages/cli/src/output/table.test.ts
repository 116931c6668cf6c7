import assert from 'node:assert/strict';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns columns like kubectl get', () => {
    const out = formatTable(
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      [
        ['web-0', '1/1', 'Running', '0', '5s'],
        ['nginx-deployment-5c689d88bb-xk2vq', '0/1', 'ImagePullBackOff', '12', '3m2s'],
      ],
    );
    assert.equal(
      out,
      [
        'NAME                                READY   STATUS             RESTARTS   AGE',
        'web-0                               1/1     Running            0          5s',
        'nginx-deployment-5c689d88bb-xk2vq   0/1     ImagePullBackOff   12         3m2s',
        '',
      ].join('\n'),
    );
  });

  it('keeps short columns at least six wide', () => {
    assert.equal(formatTable(['A', 'B'], [['x', 'y']]), 'A     B\nx     y\n');
  });

  it('prints only the header for no rows', () => {
    assert.equal(formatTable(['NAME', 'AGE'], []), 'NAME   AGE\n');
  });
});
