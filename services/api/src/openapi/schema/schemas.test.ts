// Checks the declared schemas against the official client's generated models, so that Strict field validation
// never rejects a field real Kubernetes knows, and against the merge keys Kubernetes declares.
import assert from 'node:assert/strict';
import { KINDS } from '@kubesim/api';
import { type Definition, SCHEMAS } from './index.js';
import { parseField } from './notation.js';

interface ClientAttribute {
  baseName: string;
  type: string;
  format: string;
}

/** The official client names a few core types with a CoreV1 prefix where other groups have the same name. */
const CLIENT_PREFIXED = new Set(['Event', 'EventSeries', 'EndpointPort', 'ResourceClaim']);

async function clientModel(def: Definition): Promise<ClientAttribute[] | undefined> {
  const short = def.name.slice(def.name.lastIndexOf('.') + 1);
  const model = `${CLIENT_PREFIXED.has(short) ? 'CoreV1' : 'V1'}${short}`;
  try {
    const mod = await import(`@kubernetes/client-node/dist/gen/models/${model}.js`);
    return mod[model].attributeTypeMap as ClientAttribute[];
  } catch {
    return undefined;
  }
}

describe('openapi schema declarations', () => {
  it('declare a schema for every served kind', () => {
    for (const info of KINDS) assert.ok(SCHEMAS.forKind(info.kind), `no schema for ${info.kind}`);
  });

  it('know every field the official client knows, with the same list/map shape', async () => {
    let compared = 0;
    for (const def of SCHEMAS.all()) {
      const attrs = await clientModel(def);
      if (!attrs) continue;
      compared++;
      for (const a of attrs) {
        const mine = def.fields[a.baseName];
        assert.ok(mine, `${def.name} lacks field ${a.baseName}`);
        if (mine.type.kind === 'special' && mine.type.name === 'object') continue;
        assert.equal(
          mine.type.kind === 'array',
          a.type.startsWith('Array<'),
          `${def.name}.${a.baseName} list shape`,
        );
        assert.equal(mine.type.kind === 'map', a.type.startsWith('{'), `${def.name}.${a.baseName} map shape`);
        if (a.format === 'int64' && mine.type.kind === 'scalar') {
          assert.equal(mine.type.name, 'int64', `${def.name}.${a.baseName} is int64`);
        }
      }
    }
    assert.ok(compared > 100, `only ${compared} definitions compared`);
  });

  it('carry the merge keys Kubernetes declares', () => {
    const cases: [string, string, string[], string | undefined][] = [
      ['io.k8s.api.core.v1.PodSpec', 'containers', ['merge'], 'name'],
      ['io.k8s.api.core.v1.PodSpec', 'initContainers', ['merge'], 'name'],
      ['io.k8s.api.core.v1.PodSpec', 'ephemeralContainers', ['merge'], 'name'],
      ['io.k8s.api.core.v1.PodSpec', 'volumes', ['merge', 'retainKeys'], 'name'],
      ['io.k8s.api.core.v1.PodSpec', 'imagePullSecrets', ['merge'], 'name'],
      ['io.k8s.api.core.v1.PodSpec', 'hostAliases', ['merge'], 'ip'],
      ['io.k8s.api.core.v1.PodSpec', 'tolerations', [], undefined],
      ['io.k8s.api.core.v1.Container', 'env', ['merge'], 'name'],
      ['io.k8s.api.core.v1.Container', 'volumeMounts', ['merge'], 'mountPath'],
      ['io.k8s.api.core.v1.Container', 'volumeDevices', ['merge'], 'devicePath'],
      ['io.k8s.api.core.v1.Container', 'ports', ['merge'], 'containerPort'],
      ['io.k8s.api.core.v1.EphemeralContainer', 'ports', ['merge'], 'containerPort'],
      ['io.k8s.api.core.v1.ServiceSpec', 'ports', ['merge'], 'port'],
      ['io.k8s.api.core.v1.PodStatus', 'conditions', ['merge'], 'type'],
      ['io.k8s.api.core.v1.NodeStatus', 'addresses', ['merge'], 'type'],
      ['io.k8s.api.apps.v1.DeploymentStatus', 'conditions', ['merge'], 'type'],
      ['io.k8s.api.apps.v1.DeploymentSpec', 'strategy', ['retainKeys'], undefined],
      ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences', ['merge'], 'uid'],
      ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers', ['merge'], undefined],
    ];
    for (const [def, field, strategies, key] of cases) {
      const f = SCHEMAS.definition(def)?.fields[field];
      assert.ok(f, `${def}.${field}`);
      assert.deepEqual(f.patchStrategies, strategies, `${def}.${field} strategies`);
      assert.equal(f.patchMergeKey, key, `${def}.${field} merge key`);
    }
  });

  it('parse the notation and reject malformed specs', () => {
    assert.deepEqual(parseField('[]Volume! merge,retainKeys(name) | Volumes.'), {
      type: { kind: 'array', items: { kind: 'ref', name: 'Volume' } },
      description: 'Volumes.',
      required: true,
      patchStrategies: ['merge', 'retainKeys'],
      patchMergeKey: 'name',
    });
    assert.deepEqual(parseField('{}Quantity | Limits.').type, {
      kind: 'map',
      values: { kind: 'special', name: 'Quantity' },
    });
    assert.throws(() => parseField('string'), /missing description/);
    assert.throws(() => parseField('strang | x'), /bad type/);
    assert.throws(() => parseField('[]Volume fuse(name) | x'), /bad patch metadata/);
  });
});
