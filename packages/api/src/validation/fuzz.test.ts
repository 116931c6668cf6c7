import assert from 'node:assert/strict';
import { seededRandom } from '@kubesim/testing';
import * as E from 'fp-ts/Either';
import { applyDefaults } from '../defaults/index.js';
import { deepCopy, isRecord } from '../json.js';
import type { KubeObject } from '../meta.js';
import { parseQuantity } from '../quantity.js';
import { parseFieldSelector } from '../selectors/field-selector.js';
import { selectorFromLabelSelector } from '../selectors/label-selector.js';
import { parseLabelSelector } from '../selectors/parse-label-selector.js';
import type { Status } from '../status.js';
import { validateCreate, validateUpdate } from './index.js';
import { FIXTURE_KINDS, validObject } from './test-fixtures.js';

// Real field names, so random objects reach deep into the rules instead of stopping at the first level.
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'generateName',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'uid',
  'resourceVersion',
  'generation',
  'spec',
  'status',
  'replicas',
  'selector',
  'matchLabels',
  'matchExpressions',
  'key',
  'operator',
  'values',
  'template',
  'containers',
  'initContainers',
  'image',
  'ports',
  'containerPort',
  'protocol',
  'hostPort',
  'env',
  'value',
  'valueFrom',
  'fieldRef',
  'volumeMounts',
  'mountPath',
  'volumes',
  'emptyDir',
  'persistentVolumeClaim',
  'claimName',
  'resources',
  'limits',
  'requests',
  'cpu',
  'memory',
  'storage',
  'strategy',
  'type',
  'rollingUpdate',
  'maxSurge',
  'maxUnavailable',
  'updateStrategy',
  'partition',
  'tolerations',
  'effect',
  'tolerationSeconds',
  'affinity',
  'nodeAffinity',
  'nodeSelectorTerms',
  'livenessProbe',
  'readinessProbe',
  'httpGet',
  'port',
  'targetPort',
  'clusterIP',
  'accessModes',
  'capacity',
  'data',
  'binaryData',
  'revision',
  'provisioner',
  'parameters',
  'involvedObject',
  'subsets',
  'addresses',
  'ip',
  'taints',
  'leaseDurationSeconds',
  'volumeClaimTemplates',
  'persistentVolumeClaimRetentionPolicy',
  'requiredDuringSchedulingIgnoredDuringExecution',
];
const STRINGS = [
  '',
  'a',
  'nginx',
  'Nginx',
  '-',
  'x'.repeat(300),
  '25%',
  '0%',
  '1Gi',
  '100m',
  'abc%',
  'In',
  'Exists',
  'TCP',
  'None',
  '10.0.0.1',
  'a/b/c',
  '\u0000',
  '日本',
  'RollingUpdate',
  'Recreate',
  'OnDelete',
  'Always',
  '$patch',
];
const NUMBERS = [0, 1, -1, 3, 65536, 2 ** 31, -(2 ** 31) - 1, 1.5, -0.5, Number.MAX_SAFE_INTEGER, 1e300];

function randomValue(r: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const roll = r();
  if (depth <= 0 || roll < 0.3) {
    const scalar = r();
    if (scalar < 0.15) return null;
    if (scalar < 0.3) return r() < 0.5;
    if (scalar < 0.6) return pick(NUMBERS);
    return pick(STRINGS);
  }
  if (roll < 0.55) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth - 1));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 5); i > 0; i--) obj[pick(KEYS)] = randomValue(r, depth - 1);
  return obj;
}

/** Replaces one random node of a valid object with a random value. */
function mutateSomewhere(obj: unknown, r: () => number): unknown {
  const copy = deepCopy(obj);
  let node: unknown = copy;
  for (let depth = 0; depth < 8; depth++) {
    const keys = isRecord(node) ? Object.keys(node) : Array.isArray(node) ? node.map((_, i) => i) : [];
    if (keys.length === 0) break;
    const k = keys[Math.floor(r() * keys.length)];
    const child = (node as Record<string | number, unknown>)[k];
    if (r() < 0.35 || (!isRecord(child) && !Array.isArray(child))) {
      (node as Record<string | number, unknown>)[k] = randomValue(r, 3);
      break;
    }
    node = child;
  }
  return copy;
}

function assertStatusShape(result: E.Either<Status, KubeObject>, input: unknown): void {
  if (E.isRight(result)) return;
  const s = result.left;
  assert.ok(
    s.code === 400 || s.code === 422,
    `unexpected ${s.code} ${s.message} for ${JSON.stringify(input)?.slice(0, 500)}`,
  );
  if (s.code === 422) assert.ok((s.details?.causes?.length ?? 0) > 0);
}

describe('fuzzing applyDefaults + validateCreate/validateUpdate', () => {
  it('never throws on thousands of random JSON values', () => {
    const r = seededRandom(20240601);
    for (let i = 0; i < 4000; i++) {
      const value = randomValue(r, 6);
      const withKind = isRecord(value)
        ? {
            ...value,
            kind: FIXTURE_KINDS[i % FIXTURE_KINDS.length],
            apiVersion: r() < 0.8 ? validObject(FIXTURE_KINDS[i % FIXTURE_KINDS.length]).apiVersion : 'v9',
          }
        : value;
      for (const input of [value, withKind]) {
        const defaulted = applyDefaults(input as KubeObject);
        assertStatusShape(validateCreate(defaulted), input);
        assertStatusShape(validateCreate(input as KubeObject), input);
        assertStatusShape(validateUpdate(defaulted, value as KubeObject), input);
      }
    }
  });

  it('never throws on valid objects with one random subtree replaced, and stays idempotent', () => {
    const r = seededRandom(7);
    for (let i = 0; i < 6000; i++) {
      const kind = FIXTURE_KINDS[i % FIXTURE_KINDS.length];
      const base = validObject(kind);
      const input = mutateSomewhere(base, r) as KubeObject;
      const frozen = JSON.stringify(input);
      const defaulted = applyDefaults(input);
      assert.equal(JSON.stringify(input), frozen, 'applyDefaults must not mutate');
      assert.deepEqual(applyDefaults(defaulted), defaulted, `idempotent for ${frozen.slice(0, 300)}`);
      assertStatusShape(validateCreate(defaulted), input);
      assertStatusShape(validateUpdate(defaulted, base), input);
      assertStatusShape(validateUpdate(base, defaulted), input);
    }
  });

  it('never throws in the selector and quantity parsers', () => {
    const r = seededRandom(99);
    const alphabet = 'ab01 =!(),<>\\.%-_/inotmkKMGTPEe+';
    for (let i = 0; i < 20000; i++) {
      const text = Array.from(
        { length: Math.floor(r() * 16) },
        () => alphabet[Math.floor(r() * alphabet.length)],
      ).join('');
      for (const result of [
        parseLabelSelector(text),
        parseFieldSelector(text),
        parseFieldSelector(text, 'Pod'),
      ]) {
        if (E.isLeft(result)) assert.equal(result.left.code, 400, text);
      }
      parseQuantity(text);
      const ls = randomValue(r, 4);
      const sel = selectorFromLabelSelector(ls as never);
      if (E.isLeft(sel)) assert.equal(sel.left.code, 400);
      else sel.right.matches(isRecord(ls) ? (ls as Record<string, string>) : {});
    }
  });
});
