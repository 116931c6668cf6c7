import assert from 'node:assert/strict';
import {
  apiVersionOf,
  KINDS,
  type KubeObject,
  keyOf,
  parseFieldSelector,
  parseLabelSelector,
} from '@kubesim/api';
import { TestRedis } from '@kubesim/testing';
import * as E from 'fp-ts/Either';
import { parse as parseYaml } from 'yaml';
import { type ApiHarness, startApiHarness } from '../testing/api-harness.js';
import { selectionOf } from './request-options.js';
import { listed, selected } from './stored-list.js';

const labels = { app: 'web' };
const podSpec = { containers: [{ name: 'nginx', image: 'nginx:1.25' }] };
const template = { metadata: { labels }, spec: podSpec };
const workload = { selector: { matchLabels: labels }, template };

/** One object of every kind the server serves, in namespace `ns` (for the namespaced ones). */
function oneOfEach(ns: string): KubeObject[] {
  const o = (apiVersion: string, kind: string, name: string, body: Record<string, unknown> = {}) =>
    ({ apiVersion, kind, metadata: { name, namespace: ns, labels }, ...body }) as KubeObject;
  const cluster = (obj: KubeObject) => {
    delete obj.metadata.namespace;
    return obj;
  };
  return [
    cluster(o('v1', 'Namespace', `${ns}-child`)),
    cluster(
      o('v1', 'Node', `${ns}-node`, { status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } }),
    ),
    cluster(
      o('v1', 'PersistentVolume', `${ns}-pv`, {
        spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
      }),
    ),
    cluster(o('storage.k8s.io/v1', 'StorageClass', `${ns}-sc`, { provisioner: 'kubesim.io/hostpath' })),
    o('v1', 'Service', 'svc', { spec: { selector: labels, ports: [{ port: 80 }] } }),
    o('v1', 'Endpoints', 'svc', { subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] }),
    o('v1', 'PersistentVolumeClaim', 'claim', {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    }),
    o('v1', 'Event', 'web.1', {
      involvedObject: { kind: 'Pod', namespace: ns, name: 'web', resourceVersion: '1' },
      reason: 'Pulled',
      message: 'pulled',
      type: 'Normal',
    }),
    o('apps/v1', 'Deployment', 'web', { spec: workload }),
    o('apps/v1', 'ReplicaSet', 'web-1', { spec: workload }),
    o('apps/v1', 'StatefulSet', 'db', { spec: { ...workload, serviceName: 'db' } }),
    o('apps/v1', 'DaemonSet', 'agent', { spec: workload }),
    o('apps/v1', 'ControllerRevision', 'agent-1', { data: { spec: { template } }, revision: 1 }),
    o('coordination.k8s.io/v1', 'Lease', 'lock', {
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15 },
    }),
  ];
}

/** Pods of one namespace: labelled (and not), bound (and not), names that sort unlike their creation order, text
 *  beyond ASCII. */
function pods(ns: string): KubeObject[] {
  return ['web-10', 'web-1', 'web-1-a', 'web-2', 'db-0', 'plain'].map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      ...(name === 'plain' ? {} : { labels: { app: name.split('-')[0], tier: i % 2 ? 'back' : 'front' } }),
      annotations: { note: 'ünïcode ✓ "quoted" {brace} \u2028 😀' },
    },
    spec: { ...podSpec, ...(i % 3 === 0 ? { nodeName: `node-${i}` } : {}) },
  }));
}

/** ConfigMaps large enough to take several chunks of a streamed list, one larger than a chunk by itself, with
 *  multibyte characters across the chunk boundaries. */
function bigConfigMaps(ns: string): KubeObject[] {
  return [20_000, 20_000, 30_000, 100_000].map((repeats, i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `big-${i}`, namespace: ns },
    data: { blob: 'é€😀x'.repeat(repeats) },
  }));
}

describe('lists served from stored JSON', () => {
  let redis: TestRedis;
  let h: ApiHarness;
  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    for (const ns of ['list-a', 'list-b']) {
      await h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    for (const ns of ['list-a', 'list-b']) {
      for (const obj of [...oneOfEach(ns), ...pods(ns), ...bigConfigMaps(ns)]) await h.store.create(obj);
    }
    // Stored by an update and a status update, not only by creates.
    const pod = (await h.store.get('Pod', 'list-a', 'web-2')) as KubeObject;
    await h.store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'web', tier: 'updated' } } });
    const updated = (await h.store.get('Pod', 'list-a', 'web-2')) as KubeObject;
    await h.store.updateStatus({ ...updated, status: { phase: 'Running', podIP: '10.1.0.2' } });
  });
  after(async () => {
    await h.close();
    await redis.destroy();
  });

  const pathOf = (kind: string, ns?: string) => {
    const info = KINDS.find((k) => k.kind === kind);
    assert.ok(info);
    const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
    return `${base}${ns ? `/namespaces/${ns}` : ''}/${info.resource}`;
  };

  async function get(path: string, accept = 'application/json'): Promise<string> {
    const res = await fetch(new URL(path, h.server.url), { headers: { Accept: accept } });
    const body = await res.text();
    assert.equal(res.status, 200, body);
    return body;
  }

  /** The list as the parsed path renders it: every object parsed, selected, sorted and stringified. */
  async function parsedList(kind: string, ns?: string, query = new URLSearchParams()): Promise<string> {
    const info = KINDS.find((k) => k.kind === kind);
    assert.ok(info);
    const labelSelector = parseLabelSelector(query.get('labelSelector') ?? '');
    const fieldSelector = parseFieldSelector(query.get('fieldSelector') ?? '', kind);
    assert.ok(E.isRight(labelSelector) && E.isRight(fieldSelector));
    const selection = selectionOf({
      labelSelector: labelSelector.right,
      fieldSelector: fieldSelector.right,
      watch: false,
      allowWatchBookmarks: false,
    });
    const { items, revision } = await h.store.list(kind, info.namespaced && ns ? { namespace: ns } : {});
    const chosen = items.filter((o) => selection.matches(o)).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    return JSON.stringify({
      kind: `${kind}List`,
      apiVersion: apiVersionOf(info),
      metadata: { resourceVersion: String(revision) },
      items: chosen,
    });
  }

  it('renders every kind byte for byte as the parsed path, in a namespace and across all', async () => {
    for (const { kind, namespaced } of KINDS) {
      for (const ns of namespaced ? ['list-a', undefined] : [undefined]) {
        const path = pathOf(kind, ns);
        const want = await parsedList(kind, ns);
        assert.equal(await get(path), want, path);
        assert.ok(JSON.parse(want).items.length > 0, `${path} lists something`);
      }
    }
  });

  it('serves the same items and resourceVersion as the parsed representations', async () => {
    for (const ns of ['list-b', undefined]) {
      const path = pathOf('Pod', ns);
      const fast = JSON.parse(await get(path));
      const yaml = parseYaml(await get(path, 'application/yaml'));
      assert.deepEqual(fast, yaml);
      const table = JSON.parse(await get(path, 'application/json;as=Table;v=v1;g=meta.k8s.io'));
      assert.equal(table.metadata.resourceVersion, fast.metadata.resourceVersion);
      assert.deepEqual(
        table.rows.map((r: { object: KubeObject }) => r.object.metadata),
        fast.items.map((o: KubeObject) => o.metadata),
      );
    }
  });

  it('selects by labels and fields as the parsed path does, reading objects only where it must', async () => {
    const queries = [
      'labelSelector=app%3Dweb',
      'labelSelector=app!%3Dweb',
      'labelSelector=app%20in%20(web,db),tier%3Dfront',
      'labelSelector=!app',
      'labelSelector=tier',
      'fieldSelector=metadata.name%3Dweb-1',
      'fieldSelector=metadata.namespace%3Dlist-b',
      'fieldSelector=metadata.namespace!%3Dlist-b,metadata.name!%3Dweb-10',
      'fieldSelector=spec.nodeName%3Dnode-0',
      'fieldSelector=status.phase%3DRunning',
      'labelSelector=app%3Dweb&fieldSelector=spec.nodeName%3D',
    ];
    for (const q of queries) {
      for (const ns of ['list-a', undefined]) {
        const path = `${pathOf('Pod', ns)}?${q}`;
        const fast = await get(path);
        assert.equal(fast, await parsedList('Pod', ns, new URLSearchParams(q)), path);
        assert.deepEqual(JSON.parse(fast), parseYaml(await get(path, 'application/yaml')), path);
      }
    }
  });

  it('pages by key without parsing, as the parsed path pages', async () => {
    for (const accept of ['application/json', 'application/yaml']) {
      const names: string[] = [];
      let token = '';
      let pages = 0;
      do {
        const query = `limit=5${token ? `&continue=${token}` : ''}`;
        const body = await get(`${pathOf('Pod')}?${query}`, accept);
        const page = accept === 'application/yaml' ? parseYaml(body) : JSON.parse(body);
        names.push(...page.items.map((o: KubeObject) => keyOf(o)));
        token = page.metadata.continue ?? '';
        pages++;
      } while (token);
      const all = JSON.parse(await parsedList('Pod')).items.map((o: KubeObject) => keyOf(o));
      assert.deepEqual(names, all, accept);
      assert.equal(pages, Math.ceil(all.length / 5));
    }
  });

  it('serves later pages as the list was at the first page, and lists the present once that is gone', async () => {
    const ns = 'pages';
    await h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns } });
    for (let i = 0; i < 6; i++) await h.store.create(cm(`cm-${i}`));
    const page = async (query: string) => JSON.parse(await get(`${pathOf('ConfigMap', ns)}?${query}`));
    const names = (p: { items: KubeObject[] }) => p.items.map((o) => o.metadata.name ?? '');
    const rest = async (token: string) => {
      const seen: string[] = [];
      const revisions = new Set<string>();
      for (let t = token; t; ) {
        const p = await page(`limit=2&continue=${t}`);
        seen.push(...names(p));
        revisions.add(p.metadata.resourceVersion);
        t = p.metadata.continue ?? '';
      }
      return { seen, revisions: [...revisions] };
    };

    const first = await page('limit=2');
    assert.deepEqual(names(first), ['cm-0', 'cm-1']);
    await h.store.delete('ConfigMap', ns, 'cm-3');
    await h.store.create(cm('cm-9'));
    assert.deepEqual(await rest(first.metadata.continue), {
      seen: ['cm-2', 'cm-3', 'cm-4', 'cm-5'],
      revisions: [first.metadata.resourceVersion],
    });

    // Four other paged lists later, this one is no longer kept: its pages show the present after its last key.
    const again = await page('limit=2');
    for (const selector of ['a', 'b', 'c', 'd']) await page(`limit=1&labelSelector=${selector}!%3Dx`);
    assert.deepEqual((await rest(again.metadata.continue)).seen, ['cm-2', 'cm-4', 'cm-5', 'cm-9']);
  });
});

describe('listed objects', () => {
  const pod = (metadata: string, rest = '') =>
    `{"apiVersion":"v1","kind":"Pod","metadata":{${metadata}}${rest}}`;
  const everything = E.getOrElseW(() => assert.fail('selector'))(parseFieldSelector(''));
  const byLabels = (text: string) => ({
    labelSelector: E.getOrElseW(() => assert.fail('selector'))(parseLabelSelector(text)),
    fieldSelector: everything,
    watch: false,
    allowWatchBookmarks: false,
  });

  it('reads the key off canonical JSON, and parses any other', () => {
    assert.equal(listed(pod('"name":"a","generateName":"a-","namespace":"n","uid":"u"')).key, 'n/a');
    assert.equal(listed(pod('"name":"node-1","uid":"u"')).key, 'node-1');
    const escaped = listed(pod('"name":"a","generateName":"\\u0061-","namespace":"n"'));
    assert.equal(escaped.key, 'n/a');
    assert.ok(escaped.object, 'parsed when a field before the namespace has escapes');
    assert.equal(
      listed('{"kind":"Pod","apiVersion":"v1","metadata":{"namespace":"n","name":"b"}}').key,
      'n/b',
    );
  });

  it('reads labels off the head of metadata, and parses when the head is not canonical', () => {
    const texts = [
      pod('"name":"a","namespace":"n","resourceVersion":"5","generation":2,"labels":{"app":"x"}'),
      pod(
        '"name":"b","namespace":"n","resourceVersion":"5","creationTimestamp":"t","annotations":{"app":"x"}',
      ),
      // A brace inside a label (which validation refuses) or a field the head does not expect: the whole object
      // decides.
      pod('"name":"c","namespace":"n","resourceVersion":"5","labels":{"app":"x","odd":"}"}'),
      pod('"name":"d","namespace":"n","resourceVersion":"5","generation":null,"labels":{"app":"x"}'),
      // No resourceVersion of its own: the first one found is some reference's in the spec.
      pod('"name":"e","namespace":"n","labels":{"app":"x"}', ',"spec":{"ref":{"resourceVersion":"1"}}'),
    ];
    const items = texts.map(listed);
    const names = (selector: string) => selected(items, byLabels(selector)).map((i) => i.key.split('/')[1]);
    assert.deepEqual(names('app=x'), ['a', 'c', 'd', 'e']);
    assert.deepEqual(
      items.filter((i) => i.object).map((i) => i.key),
      ['n/c', 'n/d', 'n/e'],
    );
    assert.deepEqual(names('!app'), ['b']);
    assert.deepEqual(names('odd'), ['c']);
  });
});
