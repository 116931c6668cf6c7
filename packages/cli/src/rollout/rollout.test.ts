import assert from 'node:assert/strict';
import { controllerRevisionData, type KubeObject } from '@kubesim/api';
import {
  controllerRevisionRollback,
  controllerRevisions,
  deploymentRevisions,
  deploymentRollback,
  historyDetail,
  historyTable,
  newReplicaSet,
  oldReplicaSets,
  rollbackTarget,
} from './history.js';
import { rolloutStatus } from './status.js';

const template = (image: string, hash?: string) => ({
  metadata: { labels: hash ? { app: 'nginx', 'pod-template-hash': hash } : { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image }] },
});

function deployment(image: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'nginx-deployment',
      namespace: 'default',
      uid: 'dep-uid',
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      },
    },
    spec: { selector: { matchLabels: { app: 'nginx' } }, template: template(image), ...extra },
  };
}

function rs(
  name: string,
  revision: string,
  image: string,
  created: string,
  ownerUid = 'dep-uid',
  cause?: string,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: created,
      annotations: {
        'deployment.kubernetes.io/revision': revision,
        'deployment.kubernetes.io/desired-replicas': '3',
        ...(cause ? { 'kubernetes.io/change-cause': cause } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'nginx-deployment',
          uid: ownerUid,
          controller: true,
        },
      ],
    },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'nginx' } },
      template: template(image, name.split('-').pop()),
    },
  };
}

// The seed walkthrough's three revisions, plus a look-alike ReplicaSet some other Deployment controls.
const replicaSets = [
  rs(
    'nginx-deployment-1564180365',
    '1',
    'nginx:1.7.9',
    '2024-01-01T00:00:00Z',
    'dep-uid',
    'kubectl create --filename=deploy.yaml --record=true',
  ),
  rs(
    'nginx-deployment-2035384211',
    '2',
    'nginx:1.9.1',
    '2024-01-01T00:01:00Z',
    'dep-uid',
    'kubectl set image deployment/nginx-deployment nginx=nginx:1.9.1',
  ),
  rs('nginx-deployment-3066724191', '3', 'nginx:1.91', '2024-01-01T00:02:00Z'),
  rs('impostor-1', '9', 'nginx:0', '2024-01-01T00:03:00Z', 'other-uid'),
];

describe('rollout history and undo', () => {
  it('numbers Deployment revisions from its controlled ReplicaSets only', () => {
    const revisions = deploymentRevisions(deployment('nginx:1.91'), replicaSets);
    assert.deepEqual(
      revisions.map((r) => r.revision),
      [1, 2, 3],
    );
  });

  it('prints the history table with change causes and <none>', () => {
    assert.equal(
      historyTable(deploymentRevisions(deployment('nginx:1.91'), replicaSets)),
      [
        'REVISION  CHANGE-CAUSE',
        '1         kubectl create --filename=deploy.yaml --record=true',
        '2         kubectl set image deployment/nginx-deployment nginx=nginx:1.9.1',
        '3         <none>',
        '',
      ].join('\n'),
    );
    assert.equal(historyTable([]), 'No rollout history found.');
  });

  it('prints one revision as its pod template, tabs unaligned as kubectl does', () => {
    const detail = historyDetail(deploymentRevisions(deployment('nginx:1.91'), replicaSets), 2);
    assert.equal(
      detail,
      [
        'Pod Template:',
        '  Labels:\tapp=nginx',
        '\tpod-template-hash=2035384211',
        '  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/nginx-deployment nginx=nginx:1.9.1',
        '  Containers:',
        '   nginx:',
        '    Image:\tnginx:1.9.1',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ].join('\n'),
    );
    assert.throws(() => historyDetail([], 7), /unable to find the specified revision/);
  });

  it('finds the new ReplicaSet by template, ignoring the hash label', () => {
    const d = deployment('nginx:1.9.1');
    assert.equal(newReplicaSet(d, replicaSets)?.metadata.name, 'nginx-deployment-2035384211');
    assert.deepEqual(
      oldReplicaSets(d, replicaSets).map((r) => r.metadata.name),
      ['nginx-deployment-1564180365', 'nginx-deployment-3066724191'],
    );
  });

  const targets: [string, number, number | RegExp][] = [
    ['the previous revision by default', 0, 2],
    ['a named revision', 1, 1],
    ['a revision that does not exist', 7, /unable to find specified revision 7 in history/],
    ['a negative revision', -1, /unable to find specified revision -1 in history/],
  ];
  for (const [name, toRevision, want] of targets) {
    it(`selects ${name}`, () => {
      const revisions = deploymentRevisions(deployment('nginx:1.91'), replicaSets);
      if (want instanceof RegExp)
        assert.throws(() => rollbackTarget(revisions, toRevision, 'deployment "nginx-deployment"'), want);
      else
        assert.equal(rollbackTarget(revisions, toRevision, 'deployment "nginx-deployment"').revision, want);
    });
  }

  it('refuses to undo without history', () => {
    const one = deploymentRevisions(deployment('nginx:1.7.9'), replicaSets.slice(0, 1));
    assert.throws(
      () => rollbackTarget(one, 0, 'deployment "nginx-deployment"'),
      /no rollout history found for deployment "nginx-deployment"/,
    );
    assert.throws(() => rollbackTarget(one, 0, 'daemonset "x"'), /no last revision to roll back to/);
  });

  it('builds the Deployment undo JSON patch: template without hash, own plus revision annotations', () => {
    const d = deployment('nginx:1.91');
    const target = rollbackTarget(deploymentRevisions(d, replicaSets), 2, '');
    assert.deepEqual(deploymentRollback(d, target, 2), {
      kind: 'json-patch',
      patch: [
        { op: 'replace', path: '/spec/template', value: template('nginx:1.9.1') },
        {
          op: 'replace',
          path: '/metadata/annotations',
          value: {
            'kubectl.kubernetes.io/last-applied-configuration': '{}',
            'deployment.kubernetes.io/revision': '3',
            'kubernetes.io/change-cause': 'kubectl set image deployment/nginx-deployment nginx=nginx:1.9.1',
          },
        },
      ],
    });
  });

  it('skips an undo to the current template and refuses a paused Deployment', () => {
    const d = deployment('nginx:1.91');
    const current = rollbackTarget(deploymentRevisions(d, replicaSets), 3, '');
    assert.deepEqual(deploymentRollback(d, current, 3), {
      kind: 'skip',
      message: 'skipped rollback (current template already matches revision 3)',
    });
    assert.throws(
      () => deploymentRollback(deployment('nginx:1.91', { paused: true }), current, 3),
      /you cannot rollback a paused deployment; resume it first with 'ksim rollout resume deployment\/nginx-deployment' and try again/,
    );
  });

  describe('DaemonSet and StatefulSet revisions', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd', namespace: 'default', uid: 'ds-uid' },
      spec: { template: template('fluentd:v2') },
    };
    const revision = (n: number, image: string, owner = 'ds-uid'): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `fluentd-${n}`,
        namespace: 'default',
        annotations: n === 1 ? { 'kubernetes.io/change-cause': 'first' } : {},
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: owner, controller: true },
        ],
      },
      revision: n,
      data: JSON.parse(controllerRevisionData(template(image))),
    });
    const history = [revision(2, 'fluentd:v2'), revision(1, 'fluentd:v1'), revision(5, 'x', 'someone-else')];

    it('lists controlled revisions in order with the template from data', () => {
      const revisions = controllerRevisions(ds, history);
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.template.spec?.containers[0].image, r.changeCause]),
        [
          [1, 'fluentd:v1', 'first'],
          [2, 'fluentd:v2', undefined],
        ],
      );
    });

    it('sends the revision data byte for byte, or skips when the current template serializes the same', () => {
      const revisions = controllerRevisions(ds, history);
      const back = controllerRevisionRollback(ds, rollbackTarget(revisions, 0, 'daemonset "fluentd"'), 0);
      assert.deepEqual(back, {
        kind: 'strategic-patch',
        patch: controllerRevisionData(template('fluentd:v1')),
      });
      assert.deepEqual(controllerRevisionRollback(ds, rollbackTarget(revisions, 2, ''), 2), {
        kind: 'skip',
        message: 'skipped rollback (current template already matches revision 2)',
      });
    });
  });
});

describe('rollout status', () => {
  const dep = (
    generation: number,
    spec: Record<string, unknown>,
    status: Record<string, unknown>,
  ): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x', generation },
    spec,
    status,
  });
  const cases: [string, KubeObject, string, boolean][] = [
    [
      'spec not observed',
      dep(2, { replicas: 3 }, { observedGeneration: 1 }),
      'Waiting for deployment spec update to be observed...\n',
      false,
    ],
    [
      'new replicas being updated',
      dep(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 1, replicas: 3 }),
      'Waiting for deployment "x" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      false,
    ],
    [
      'old replicas terminating',
      dep(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, replicas: 4 }),
      'Waiting for deployment "x" rollout to finish: 1 old replicas are pending termination...\n',
      false,
    ],
    [
      'updated replicas becoming available',
      dep(
        1,
        { replicas: 3 },
        { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 1 },
      ),
      'Waiting for deployment "x" rollout to finish: 1 of 3 updated replicas are available...\n',
      false,
    ],
    [
      'done',
      dep(
        1,
        { replicas: 3 },
        { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 },
      ),
      'deployment "x" successfully rolled out\n',
      true,
    ],
    [
      'a daemon set updating',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'd', generation: 1 },
        spec: {},
        status: { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 },
      },
      'Waiting for daemon set "d" rollout to finish: 1 out of 3 new pods have been updated...\n',
      false,
    ],
    [
      'a daemon set done',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'd', generation: 1 },
        spec: {},
        status: {
          observedGeneration: 1,
          desiredNumberScheduled: 3,
          updatedNumberScheduled: 3,
          numberAvailable: 3,
        },
      },
      'daemon set "d" successfully rolled out\n',
      true,
    ],
    [
      'a stateful set with pods not ready',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 's', generation: 1 },
        spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
        status: { observedGeneration: 1, readyReplicas: 1 },
      },
      'Waiting for 2 pods to be ready...\n',
      false,
    ],
    [
      'a partitioned stateful set',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 's', generation: 2 },
        spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
        status: { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1 },
      },
      'partitioned roll out complete: 1 new pods have been updated...\n',
      true,
    ],
    [
      'a stateful set between revisions',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 's', generation: 2 },
        spec: { replicas: 2, updateStrategy: { type: 'RollingUpdate' } },
        status: {
          observedGeneration: 2,
          readyReplicas: 2,
          updatedReplicas: 1,
          currentRevision: 's-1',
          updateRevision: 's-2',
        },
      },
      'waiting for statefulset rolling update to complete 1 pods at revision s-2...\n',
      false,
    ],
  ];
  for (const [name, obj, message, done] of cases) {
    it(name, () => assert.deepEqual(rolloutStatus(obj), { message, done }));
  }

  it('fails on an exceeded progress deadline', () => {
    const stuck = dep(
      1,
      { replicas: 3 },
      {
        observedGeneration: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      },
    );
    assert.throws(() => rolloutStatus(stuck), /deployment "x" exceeded its progress deadline/);
  });
});
