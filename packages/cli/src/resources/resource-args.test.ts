import assert from 'node:assert/strict';
import { ALL_CATEGORY, parseResourceArgs, type ResourceSelection } from './resource-args.js';

// A compact view of a selection: kinds, or Kind/name pairs.
function show(sel: ResourceSelection): string[] {
  return sel.kind === 'types'
    ? sel.types.map((t) => t.kind)
    : sel.objects.map((o) => `${o.info.kind}/${o.name}`);
}

const cases: [string, string[], string[]][] = [
  ['a plural', ['deployments'], ['Deployment']],
  ['a singular', ['pod'], ['Pod']],
  ['a short name', ['rs'], ['ReplicaSet']],
  ['a Kind', ['StatefulSet'], ['StatefulSet']],
  ['a group-qualified plural', ['deployments.apps'], ['Deployment']],
  ['several types', ['deploy,rs,po'], ['Deployment', 'ReplicaSet', 'Pod']],
  ['a type and names', ['deploy', 'a', 'b'], ['Deployment/a', 'Deployment/b']],
  ['types and a name', ['sts,svc', 'web'], ['StatefulSet/web', 'Service/web']],
  ['type/name pairs', ['deploy/a', 'pvc/data-web-0'], ['Deployment/a', 'PersistentVolumeClaim/data-web-0']],
  ['the all category', ['all'], ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']],
  ['duplicates once', ['po,pods'], ['Pod']],
];

describe('resource arguments', () => {
  for (const [name, args, want] of cases) {
    it(`resolves ${name}`, () => assert.deepEqual(show(parseResourceArgs(args)), want));
  }

  it('lists the all category in kubectl order: core first', () => {
    assert.deepEqual(
      ALL_CATEGORY.map((k) => k.group),
      ['', '', 'apps', 'apps', 'apps', 'apps'],
    );
  });

  const refused: [string, string[], RegExp][] = [
    ['an unknown type', ['foos'], /the server doesn't have a resource type "foos"/],
    [
      'a type with type/name pairs',
      ['deploy', 'deploy/a'],
      /no need to specify a resource type as a separate argument/,
    ],
    ['no arguments', [], /You must specify the type of resource/],
    ['a slash without a name', ['deploy/'], /must have a single resource and name/],
  ];
  for (const [name, args, message] of refused) {
    it(`refuses ${name}`, () => assert.throws(() => parseResourceArgs(args), message));
  }
});
