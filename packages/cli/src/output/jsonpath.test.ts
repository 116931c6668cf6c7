import assert from 'node:assert/strict';
import { compileJsonPath } from './jsonpath.js';

// The object client-go's jsonpath_test.go uses for its store examples, plus a Kubernetes List.
const store = {
  kind: 'List',
  items: [
    {
      metadata: {
        name: 'web-0',
        labels: { app: 'web' },
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.7.9' },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    },
    {
      metadata: { name: 'web-1', labels: { app: 'web' } },
      status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.91' }], replicas: 3 },
    },
  ],
};

const cases: [string, string, unknown, string][] = [
  ['a plain field', '{.kind}', store, 'List'],
  ['literal text around a field', 'kind is {.kind}!', store, 'kind is List!'],
  ['names of all items', '{.items[*].metadata.name}', store, 'web-0 web-1'],
  ['an index', '{.items[1].metadata.name}', store, 'web-1'],
  ['a negative index', '{.items[-1].metadata.name}', store, 'web-1'],
  ['a slice', '{.items[0:1].metadata.name}', store, 'web-0'],
  ['nested wildcards', '{.items[*].spec.containers[*].image}', store, 'nginx:1.7.9 busybox nginx:1.91'],
  ['a filter', '{.items[?(@.status.phase=="Pending")].metadata.name}', store, 'web-1'],
  ['a filter inside a path', '{.items[0].status.conditions[?(@.type=="Ready")].status}', store, 'True'],
  ['an existence filter', '{.items[?(@.spec.replicas)].metadata.name}', store, 'web-1'],
  ['a numeric comparison', '{.items[?(@.spec.replicas>2)].metadata.name}', store, 'web-1'],
  ['recursive descent', '{..image}', store.items[1], 'nginx:1.91'],
  [
    'an escaped dot in a key',
    '{.items[0].metadata.annotations.deployment\\.kubernetes\\.io/revision}',
    store,
    '3',
  ],
  ['a bracketed key', "{.items[0].metadata.labels['app']}", store, 'web'],
  ['a map printed as JSON', '{.items[0].metadata.labels}', store, '{"app":"web"}'],
  ['a missing key gives nothing', '{.items[0].metadata.uid}', store, ''],
  [
    'a range with literals',
    '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
    store,
    'web-0\tRunning\nweb-1\tPending\n',
  ],
  [
    'the root inside a range',
    '{range .items[*]}{$.kind}/{.metadata.name} {end}',
    store,
    'List/web-0 List/web-1 ',
  ],
  ['a number', '{.spec.replicas}', store.items[1], '3'],
  ['the current object', '{@.metadata.name}', store.items[0], 'web-0'],
];

describe('jsonpath templates', () => {
  for (const [name, template, data, want] of cases) {
    it(name, () => assert.equal(compileJsonPath(template)(data), want));
  }

  it('rejects an unclosed range', () => {
    assert.throws(() => compileJsonPath('{range .items[*]}{.x}'), /range without end/);
  });

  it('rejects an unclosed action', () => {
    assert.throws(() => compileJsonPath('{.items'), /unclosed action/);
  });
});
