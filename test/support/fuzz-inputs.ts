// Seeded random inputs for fuzzing the API: a small PRNG (so a failing run is replayed from its seed), random
// JSON values, mutations of valid manifests, malformed bodies, deep nesting and huge strings.

/** mulberry32: tiny, fast and good enough to drive a fuzzer reproducibly. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  string(
    maxLength: number,
    alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-._/~:=!, %$"\\\u00e9\u4e2d\ud83d\ude00',
  ): string {
    const symbols = Array.from(alphabet);
    const n = this.int(maxLength + 1);
    let s = '';
    for (let i = 0; i < n; i++) s += symbols[this.int(symbols.length)];
    return s;
  }
}

const SCALARS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  -(2 ** 31),
  1e308,
  '',
  '0',
  '-1',
  'true',
  'null',
  '25%',
  '1Gi',
  '100m',
  'RollingUpdate',
  'Always',
  '2026-11-25T00:00:00Z',
  'not a date',
  'default',
  'kube-system',
  'app=nginx',
  '$patch',
  'replace',
  '../..',
  'a'.repeat(300),
];

/** A random JSON value of bounded depth. */
export function randomJson(rng: Rng, depth = 3): unknown {
  const roll = rng.int(depth <= 0 ? 3 : 5);
  if (roll === 0) return rng.pick(SCALARS);
  if (roll === 1) return rng.string(20);
  if (roll === 2) return rng.next() * 10 ** rng.int(12) * (rng.chance(0.3) ? -1 : 1);
  if (roll === 3) return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--)
    obj[rng.chance(0.5) ? rng.pick(FIELD_NAMES) : rng.string(12)] = randomJson(rng, depth - 1);
  return obj;
}

/** Field names that occur in manifests, so random objects often land on real paths. */
export const FIELD_NAMES = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'generateName',
  'labels',
  'annotations',
  'resourceVersion',
  'uid',
  'finalizers',
  'ownerReferences',
  'deletionTimestamp',
  'spec',
  'status',
  'replicas',
  'selector',
  'matchLabels',
  'matchExpressions',
  'template',
  'containers',
  'initContainers',
  'image',
  'ports',
  'containerPort',
  'volumes',
  'volumeClaimTemplates',
  'nodeName',
  'updateStrategy',
  'rollingUpdate',
  'partition',
  'maxSurge',
  'paused',
  'data',
  'revision',
  'capacity',
  'accessModes',
  'target',
  'type',
  '$patch',
  '$setElementOrder/containers',
  '$retainKeys',
  '$deleteFromPrimitiveList/finalizers',
];

function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}

/** A copy of `value` with a few random edits: values replaced or retyped, keys dropped or invented. */
export function mutate(rng: Rng, value: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (let edits = 1 + rng.int(3); edits > 0; edits--) {
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) return randomJson(rng);
    const path = rng.pick(all);
    let parent: Record<string | number, unknown> = copy;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    const op = rng.int(4);
    if (op === 0) delete parent[last];
    else if (op === 1) parent[last] = rng.pick(SCALARS);
    else if (op === 2) parent[last] = randomJson(rng, 2);
    else if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
      parent[rng.chance(0.5) ? rng.pick(FIELD_NAMES) : `bogus${rng.int(100)}`] = randomJson(rng, 2);
    }
  }
  return copy;
}

/** JSON text nested `depth` levels deep, as arrays or objects. */
export function deeplyNested(depth: number, asObject: boolean): string {
  return asObject
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Text that is not valid JSON, often almost valid: truncated, with stray bytes, or not JSON at all. */
export function malformedJson(rng: Rng, valid: string): Buffer {
  const variants = [
    () => valid.slice(0, rng.int(Math.max(1, valid.length - 1))),
    () => `${valid}}`,
    () => valid.replace(/"/, ''),
    () => valid.replace(/:/g, '='),
    () => `\ufeff${valid}`,
    () => '{',
    () => '[1,2',
    () => 'NaN',
    () => '{"a":undefined}',
    () => "{'single':'quotes'}",
    () => '{"a":1,}',
    () => rng.string(60),
  ];
  if (rng.chance(0.1)) return Buffer.from(Array.from({ length: 1 + rng.int(64) }, () => rng.int(256)));
  return Buffer.from(rng.pick(variants)());
}
