import assert from 'node:assert/strict';
import { waitFor } from '@kubesim/testing';
import { Clock } from './clock.js';
import { ControllerExpectations } from './expectations.js';

type Op =
  | ['expectCreations', number]
  | ['expectDeletions', string[]]
  | ['creationObserved']
  | ['deletionObserved', string]
  | ['raise', number, number]
  | ['lower', number, number]
  | ['delete'];

describe('ControllerExpectations', () => {
  const cases: Array<{ name: string; ops: Op[]; satisfied: boolean; add?: number; del?: number }> = [
    { name: 'a controller without expectations may act', ops: [], satisfied: true },
    { name: 'pending creations block', ops: [['expectCreations', 2]], satisfied: false, add: 2, del: 0 },
    {
      name: 'some creations observed still block',
      ops: [['expectCreations', 2], ['creationObserved']],
      satisfied: false,
      add: 1,
    },
    {
      name: 'all creations observed satisfy',
      ops: [['expectCreations', 2], ['creationObserved'], ['creationObserved']],
      satisfied: true,
      add: 0,
    },
    {
      name: 'extra observations (adds by someone else) keep it satisfied',
      ops: [['expectCreations', 1], ['creationObserved'], ['creationObserved']],
      satisfied: true,
      add: -1,
    },
    {
      name: 'expecting zero creations is satisfied at once (the RS controller does this after a no-op sync)',
      ops: [['expectCreations', 0]],
      satisfied: true,
    },
    {
      name: 'deletions are counted only for the keys expected',
      ops: [
        ['expectDeletions', ['ns/a', 'ns/b']],
        ['deletionObserved', 'ns/x'],
        ['deletionObserved', 'ns/a'],
      ],
      satisfied: false,
      del: 1,
    },
    {
      name: 'a key observed deleted twice counts once',
      ops: [
        ['expectDeletions', ['ns/a', 'ns/b']],
        ['deletionObserved', 'ns/a'],
        ['deletionObserved', 'ns/a'],
      ],
      satisfied: false,
      del: 1,
    },
    {
      name: 'all expected deletions observed satisfy',
      ops: [
        ['expectDeletions', ['ns/a', 'ns/b']],
        ['deletionObserved', 'ns/b'],
        ['deletionObserved', 'ns/a'],
      ],
      satisfied: true,
      del: 0,
    },
    {
      name: 'a new deletion set replaces the old one',
      ops: [
        ['expectDeletions', ['ns/a']],
        ['expectDeletions', ['ns/b']],
        ['deletionObserved', 'ns/a'],
      ],
      satisfied: false,
      del: 1,
    },
    {
      name: 'raise adds to what is expected',
      ops: [['expectCreations', 1], ['raise', 2, 1], ['creationObserved']],
      satisfied: false,
      add: 2,
      del: 1,
    },
    {
      name: 'failed creates lower the expectation like an observation',
      ops: [
        ['expectCreations', 3],
        ['lower', 3, 0],
      ],
      satisfied: true,
      add: 0,
    },
    {
      name: 'raise without expectations does not create any',
      ops: [['raise', 1, 1]],
      satisfied: true,
    },
    {
      name: 'deleting expectations frees the key',
      ops: [['expectCreations', 5], ['delete']],
      satisfied: true,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const e = new ControllerExpectations(new Clock(1));
      const key = 'ns/rs';
      for (const op of c.ops) {
        if (op[0] === 'expectCreations') e.expectCreations(key, op[1]);
        else if (op[0] === 'expectDeletions') e.expectDeletions(key, op[1]);
        else if (op[0] === 'creationObserved') e.creationObserved(key);
        else if (op[0] === 'deletionObserved') e.deletionObserved(key, op[1]);
        else if (op[0] === 'raise') e.raiseExpectations(key, op[1], op[2]);
        else if (op[0] === 'lower') e.lowerExpectations(key, op[1], op[2]);
        else e.deleteExpectations(key);
      }
      assert.equal(e.satisfiedExpectations(key), c.satisfied);
      if (c.add !== undefined) assert.equal(e.get(key)?.add, c.add);
      if (c.del !== undefined) assert.equal(e.get(key)?.del, c.del);
    });
  }

  it('keeps keys apart', () => {
    const e = new ControllerExpectations(new Clock(1));
    e.expectCreations('ns/a', 1);
    assert.equal(e.satisfiedExpectations('ns/b'), true);
    assert.equal(e.satisfiedExpectations('ns/a'), false);
  });

  it('pending expectations expire after the timeout in simulated time', async () => {
    // 5 simulated minutes at this scale are 3 real milliseconds.
    const e = new ControllerExpectations(new Clock(0.00001));
    e.expectCreations('ns/rs', 3);
    await waitFor(() => e.satisfiedExpectations('ns/rs'), { timeoutMs: 5_000 });
    assert.equal(e.get('ns/rs')?.add, 3, 'expiry does not pretend the creations were observed');
  });

  it('setting expectations again restarts the timeout', async () => {
    // 5 simulated minutes are 30 real milliseconds here: long enough to check right after resetting.
    const e = new ControllerExpectations(new Clock(0.0001));
    e.expectCreations('ns/rs', 1);
    await waitFor(() => e.satisfiedExpectations('ns/rs'), { timeoutMs: 5_000 });
    e.expectCreations('ns/rs', 1);
    assert.equal(e.satisfiedExpectations('ns/rs'), false);
  });
});
