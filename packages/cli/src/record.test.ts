import assert from 'node:assert/strict';
import { type FlagSpec, normalizedCommand } from './record.js';

const FLAGS: FlagSpec[] = [
  { short: '-f', long: '--filename', takesValue: true },
  { long: '--record', takesValue: false },
  { short: '-n', long: '--namespace', takesValue: true },
  { long: '--server', takesValue: true },
  { long: '--replicas', takesValue: true },
];

// kubectl's own examples (docs/kubectl-wire.md §8.2), with ksim as the program name.
const cases: [string[], string][] = [
  [['create', '-f', 'deploy.yaml', '--record'], 'ksim create --filename=deploy.yaml --record=true'],
  [['create', '--filename=deploy.yaml', '--record'], 'ksim create --filename=deploy.yaml --record=true'],
  [['create', '-fdeploy.yaml', '--record'], 'ksim create --filename=deploy.yaml --record=true'],
  [['set', 'image', 'ds/x', 'c=img:v2', '--record'], 'ksim set image ds/x c=img:v2 --record=true'],
  [
    ['scale', '--record', 'deploy/x', '--replicas', '4', '-n', 'prod'],
    'ksim scale deploy/x --record=true --replicas=4 --namespace=prod',
  ],
  [
    ['--server', 'http://h:1', 'create', '-f', '-', '--record'],
    'ksim create --server=http://h:1 --filename=- --record=true',
  ],
];

describe('--record change cause', () => {
  for (const [argv, want] of cases) {
    it(argv.join(' '), () => assert.equal(normalizedCommand('ksim', argv, FLAGS), want));
  }
});
