// Throws 10,000 seeded random requests at every endpoint and verb of the API (create, update, patch in every
// content type, delete, deletecollection, scale, status, binding, eviction, log, list and watch with selectors,
// discovery and stray paths) with malformed JSON, random JSON, mutated and truncated manifests of every kind,
// wrong kinds and apiVersions, huge strings, deep nesting and random Kubernetes protobuf. Every answer must be below 500 and every error a
// Status; afterwards the server must still serve and the store must still agree with its log.
// Replay a failure with KSIM_FUZZ_SEED=<seed printed in the failure>.
import assert from 'node:assert/strict';
import http from 'node:http';
import { apiVersionOf, KINDS, type KindInfo } from '@kubesim/api';
import { type ApiHarness, startApiHarness } from '@kubesim/api-server';
import { TestRedis } from '@kubesim/testing';
import { stringify as toYaml } from 'yaml';
import { deeplyNested, malformedJson, mutate, Rng, randomJson } from '../support/fuzz-inputs.js';
import { sampleObject } from '../support/sample-objects.js';

const REQUESTS = 10_000;
const CONCURRENCY = 8;
const NS = 'fuzz';
const SEED = Number(process.env.KSIM_FUZZ_SEED ?? 20_261_125);

interface FuzzRequest {
  verb: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  contentType?: string;
  accept?: string;
  body?: Buffer | string;
  /** Read only the status line and headers (watches and other streams), then hang up. */
  stream?: boolean;
}

const targetName = (info: KindInfo) => `fuzz-${info.resource}`;

const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return out;
}

const lengthDelimited = (field: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([...varint(field * 8 + 2), ...varint(payload.length)]), payload]);

/** Random protobuf fields of every wire type, length-delimited ones often holding more random fields. */
function randomProtobuf(rng: Rng, depth: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = rng.int(6); i > 0; i--) {
    const field = rng.chance(0.9) ? 1 + rng.int(20) : rng.int(2 ** 29);
    const wireType = rng.pick([0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7]);
    if (wireType === 2) {
      const payload =
        depth > 0 && rng.chance(0.6) ? randomProtobuf(rng, depth - 1) : Buffer.from(rng.string(12), 'utf8');
      parts.push(lengthDelimited(field, payload));
      continue;
    }
    const width = wireType === 0 ? 1 + rng.int(11) : wireType === 1 ? 8 : wireType === 5 ? 4 : 0;
    const value = Array.from({ length: width }, (_, k) => (k < width - 1 ? 0x80 : 0) | rng.int(128));
    parts.push(Buffer.from([...varint(field * 8 + wireType), ...value]));
  }
  return Buffer.concat(parts);
}

/** A protobuf body: the k8s magic and a runtime.Unknown around random fields, or something less well formed. */
function protobufBody(rng: Rng, info: KindInfo): Buffer {
  const typeMeta = Buffer.concat([
    lengthDelimited(
      1,
      Buffer.from(rng.chance(0.8) ? apiVersionOf(info) : rng.pick(['v1', 'apps/v1', 'x/y', ''])),
    ),
    lengthDelimited(
      2,
      Buffer.from(rng.chance(0.8) ? info.kind : rng.pick(['Secret', 'DeleteOptions', 'Scale', ''])),
    ),
  ]);
  const envelope = Buffer.concat([
    Buffer.from(PROTOBUF_MAGIC),
    lengthDelimited(1, typeMeta),
    lengthDelimited(2, randomProtobuf(rng, 6)),
  ]);
  switch (rng.int(4)) {
    case 0:
      return envelope.subarray(0, rng.int(envelope.length));
    case 1:
      return Buffer.concat([Buffer.from(PROTOBUF_MAGIC), randomProtobuf(rng, 3)]);
    default:
      return envelope;
  }
}

const BAD_LABEL_SELECTORS = [
  'app=',
  '=x',
  'app in (a,b',
  'app notin ()',
  '!',
  'a==b==c',
  'a,,b',
  'a b',
  '(',
  'app=nginx,',
  `${'k'.repeat(400)}=v`,
  'app in (a),b!=c,!d',
  'x=@@@',
  'app=ngin x',
  'fuzz=target',
  'fuzz!=target',
  'app',
  '!app',
  'tier in (web, db),env notin (prod)',
];
const FIELD_SELECTORS = [
  'metadata.name=fuzz-pods',
  'metadata.namespace=fuzz',
  'spec.bogus=1',
  'metadata.name',
  '=',
  'metadata.name==x==y',
  'status.phase=Running',
  'spec.nodeName=node-1',
  'involvedObject.kind=Pod,involvedObject.name=x',
  'metadata.name!=',
  'metadata.labels=x',
];
const CONTENT_TYPES = [
  'application/json',
  'application/yaml',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/vnd.kubernetes.protobuf',
  '',
  'application/json;charset=bogus',
  ';;;',
];
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];
const ACCEPTS = [
  'application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io;includeObject=Object',
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
  'application/vnd.kubernetes.protobuf,application/json',
  'application/yaml',
  'text/html',
  'application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io',
  '*/*',
  ';;garbage',
];

function pathFor(
  info: KindInfo,
  opts: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const root = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const ns =
    info.namespaced && opts.namespace !== undefined
      ? `/namespaces/${encodeURIComponent(opts.namespace)}`
      : '';
  const name = opts.name !== undefined ? `/${encodeURIComponent(opts.name)}` : '';
  const sub = opts.subresource ? `/${opts.subresource}` : '';
  return `${root}${ns}/${info.resource}${name}${sub}`;
}

/** Builds the random requests; everything it draws comes from the seeded generator. */
class RequestFactory {
  constructor(private readonly rng: Rng) {}

  private namespace(): string {
    return this.rng.chance(0.85)
      ? NS
      : this.rng.pick(['default', 'nowhere', 'UPPER', '..', '', 'a'.repeat(70), 'ns/slash']);
  }

  private name(info: KindInfo): string {
    if (this.rng.chance(0.7)) return targetName(info);
    return this.rng.pick([
      `fuzz-${this.rng.int(1000)}`,
      'Upper-Case',
      'a'.repeat(300),
      '..',
      '.',
      'with space',
      'with/slash',
      '\u4e2d\u6587',
      '-leading',
      this.rng.string(30),
    ]);
  }

  private objectBody(info: KindInfo, name: string): { body: Buffer | string; contentType: string } {
    const rng = this.rng;
    const sample = () => sampleObject(info, name, NS) as unknown as Record<string, unknown>;
    const json = (v: unknown) => ({ body: JSON.stringify(v), contentType: 'application/json' });
    switch (rng.int(12)) {
      case 0:
        return json(sample());
      case 1:
      case 2:
        return json(mutate(rng, sample()));
      case 3:
        return json(sampleObject(rng.pick(KINDS), name, NS));
      case 4:
        return json({
          ...sample(),
          apiVersion: rng.pick(['apps/v2', 'v1beta1', '', 5, null, 'v1', 'apps/v1', 'x/y/z']),
        });
      case 5:
        return json(randomJson(rng, 4));
      case 6:
        return { body: malformedJson(rng, JSON.stringify(sample())), contentType: 'application/json' };
      case 7: {
        const depth = rng.pick([64, 1000, 5000, 20_000, 100_000]);
        const head = JSON.stringify({ apiVersion: apiVersionOf(info), kind: info.kind, metadata: { name } });
        return {
          body: `${head.slice(0, -1)},"spec":${deeplyNested(depth, rng.chance(0.5))}}`,
          contentType: 'application/json',
        };
      }
      case 8: {
        const size = rng.pick([70_000, 1024 * 1024, 3 * 1024 * 1024 - 200, 3 * 1024 * 1024 + 10]);
        const big = sample();
        const where = rng.int(3);
        if (where === 0) (big.metadata as Record<string, unknown>).labels = { big: 'x'.repeat(size) };
        else if (where === 1)
          (big.metadata as Record<string, unknown>).annotations = { big: 'y'.repeat(size) };
        else (big.metadata as Record<string, unknown>).name = 'z'.repeat(size);
        return json(big);
      }
      case 9:
        return rng.chance(0.7)
          ? { body: toYaml(mutate(rng, sample())), contentType: 'application/yaml' }
          : {
              body: rng.pick([':\n- : -', 'a: [b', '---\n---\n', '!!binary x', 'key: &a [*a]', '\t\tx: 1']),
              contentType: 'application/yaml',
            };
      case 10:
        return { body: protobufBody(rng, info), contentType: 'application/vnd.kubernetes.protobuf' };
      default:
        return { body: JSON.stringify(sample()), contentType: rng.pick(CONTENT_TYPES) };
    }
  }

  private patchBody(info: KindInfo, name: string): { body: string; contentType: string } {
    const rng = this.rng;
    const contentType = rng.chance(0.9) ? rng.pick(PATCH_TYPES) : rng.pick(CONTENT_TYPES);
    const pointer = () =>
      rng.pick([
        '/spec/replicas',
        '/spec/x',
        'bad',
        '',
        '/',
        '/metadata',
        '/metadata/name',
        '/metadata/labels/a~1b',
        '/metadata/labels/a~2b',
        '/kind',
        '/apiVersion',
        '/spec/template/spec/containers/0/image',
        '/spec/template/spec/containers/99/image',
        '/spec/template/spec/containers/-',
        '/status',
        '/metadata/resourceVersion',
        '/metadata/uid',
      ]);
    if (contentType === 'application/json-patch+json') {
      const ops = () =>
        Array.from({ length: 1 + rng.int(3) }, () => {
          const op: Record<string, unknown> = {
            op: rng.pick(['add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus', 5]),
            path: pointer(),
          };
          if (rng.chance(0.7)) op.value = randomJson(rng, 2);
          if (rng.chance(0.3)) op.from = pointer();
          if (rng.chance(0.1)) delete op.op;
          return op;
        });
      const body = rng.pick([
        () => JSON.stringify(ops()),
        () => JSON.stringify(randomJson(rng, 3)),
        () => JSON.stringify([]),
        () =>
          JSON.stringify(
            Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/kind', value: info.kind })),
          ),
        () => malformedJson(rng, JSON.stringify(ops())).toString('latin1'),
      ])();
      return { body, contentType };
    }
    if (contentType === 'application/apply-patch+yaml') {
      const manifest = rng.chance(0.5) ? mutate(rng, sampleObject(info, name, NS)) : randomJson(rng, 3);
      return {
        body: rng.chance(0.8) ? toYaml(manifest) : rng.pick([':\n- : -', 'a: [b', '[1, 2]', '', '~']),
        contentType,
      };
    }
    const specials = [
      null,
      [1],
      'string',
      { metadata: { name: 'renamed' } },
      { kind: 'Other' },
      { apiVersion: 'v2' },
      { metadata: { resourceVersion: '1' } },
      { metadata: { uid: 'different' } },
      { spec: null },
      { metadata: null },
      { $patch: 'delete' },
      { $patch: 'bogus' },
      { spec: { $patch: 'replace' } },
      { spec: { template: { spec: { containers: [{ $patch: 'delete' }] } } } },
      { spec: { template: { spec: { containers: 'notalist' } } } },
      { spec: { template: { spec: { containers: [{ name: 'main', $patch: 'delete' }] } } } },
      { spec: { template: { spec: { '$setElementOrder/containers': 'x' } } } },
      { spec: { template: { spec: { '$setElementOrder/containers': [{ nome: 'x' }] } } } },
      { spec: { $retainKeys: [1, null] } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': 'x' } },
      { spec: { template: { $patch: 'replace' } } },
      { status: randomJson(rng, 2) },
    ];
    const value = rng.pick([
      () => rng.pick(specials),
      () => randomJson(rng, 4),
      () => mutate(rng, sampleObject(info, name, NS)),
    ])();
    const body = rng.chance(0.1)
      ? malformedJson(rng, JSON.stringify(value)).toString('latin1')
      : JSON.stringify(value);
    return { body, contentType };
  }

  private selectors(): Record<string, string> {
    const rng = this.rng;
    const q: Record<string, string> = {};
    if (rng.chance(0.6)) q.labelSelector = rng.pick(BAD_LABEL_SELECTORS);
    if (rng.chance(0.4)) q.fieldSelector = rng.pick(FIELD_SELECTORS);
    return q;
  }

  private listQuery(): Record<string, string> {
    const rng = this.rng;
    const q = this.selectors();
    const maybe = (key: string, values: string[]) => {
      if (rng.chance(0.25)) q[key] = rng.pick(values);
    };
    maybe('limit', ['-1', '0', '1', 'abc', '500', '99999999999999999999']);
    maybe('continue', [
      'garbage',
      'eyJydiI6MX0',
      Buffer.from('{"rv":"x","start":5}').toString('base64'),
      '%%%',
    ]);
    maybe('resourceVersion', ['0', '', 'abc', '-1', '99999999999', '1']);
    maybe('resourceVersionMatch', ['NotOlderThan', 'Exact', 'bogus']);
    maybe('timeoutSeconds', ['1', '-1', 'abc']);
    maybe('allowWatchBookmarks', ['true', 'maybe']);
    maybe('sendInitialEvents', ['true', 'false', 'x']);
    maybe('includeObject', ['None', 'Metadata', 'Object', 'Bogus']);
    return q;
  }

  next(): FuzzRequest {
    const rng = this.rng;
    const info = rng.pick(KINDS);
    const namespace = this.namespace();
    const name = this.name(info);
    const accept = rng.chance(0.3) ? rng.pick(ACCEPTS) : undefined;
    const object = (subresource?: string) => pathFor(info, { namespace, name, subresource });
    const collection = pathFor(info, { namespace });
    switch (
      rng.pick([
        'create',
        'update',
        'patch',
        'delete',
        'deletecollection',
        'scale',
        'status',
        'pod',
        'list',
        'watch',
        'get',
        'stray',
      ] as const)
    ) {
      case 'create':
        return {
          verb: 'create',
          method: 'POST',
          path: collection,
          accept,
          query: rng.chance(0.3) ? this.writeQuery() : undefined,
          ...this.objectBody(info, name),
        };
      case 'update':
        return {
          verb: 'update',
          method: 'PUT',
          path: object(),
          accept,
          query: rng.chance(0.3) ? this.writeQuery() : undefined,
          ...this.objectBody(info, name),
        };
      case 'patch':
        return {
          verb: 'patch',
          method: 'PATCH',
          path: object(),
          accept,
          query: rng.chance(0.5) ? this.writeQuery() : undefined,
          ...this.patchBody(info, name),
        };
      case 'delete': {
        const body = rng.pick([
          undefined,
          JSON.stringify(randomJson(rng, 3)),
          JSON.stringify({
            kind: 'DeleteOptions',
            apiVersion: 'v1',
            propagationPolicy: rng.pick(['Background', 'Foreground', 'Orphan', 'Bogus']),
            gracePeriodSeconds: rng.pick([0, -5, 30, 'x']),
            preconditions: { uid: rng.pick(['x', undefined]) },
          }),
          malformedJson(rng, '{"propagationPolicy":"Background"}'),
        ]);
        const query: Record<string, string> = {};
        if (rng.chance(0.3)) query.gracePeriodSeconds = rng.pick(['-5', 'abc', '0', '30']);
        if (rng.chance(0.3)) query.propagationPolicy = rng.pick(['Background', 'Bogus']);
        if (rng.chance(0.2)) query.dryRun = rng.pick(['All', 'bogus']);
        return {
          verb: 'delete',
          method: 'DELETE',
          path: object(),
          query,
          body,
          contentType: 'application/json',
        };
      }
      case 'deletecollection': {
        const query = this.selectors();
        // Keep the fixture: an unselective collection delete only within the fuzz namespace.
        if (!query.labelSelector && !query.fieldSelector && (!info.namespaced || namespace !== NS))
          query.labelSelector = 'fuzz=nothing';
        return { verb: 'deletecollection', method: 'DELETE', path: collection, query };
      }
      case 'scale': {
        const method = rng.pick(['GET', 'PUT', 'PATCH']);
        const body =
          method === 'GET'
            ? undefined
            : JSON.stringify(
                rng.pick([
                  { spec: { replicas: rng.pick([3, -1, 'x', 1e10, null]) } },
                  {
                    kind: 'Scale',
                    apiVersion: 'autoscaling/v1',
                    metadata: { name },
                    spec: { replicas: rng.int(10) },
                  },
                  {
                    kind: 'Scale',
                    apiVersion: 'autoscaling/v1',
                    metadata: { name, resourceVersion: '1' },
                    spec: { replicas: 2 },
                  },
                  randomJson(rng, 3),
                ]),
              );
        return {
          verb: 'scale',
          method,
          path: object('scale'),
          body,
          contentType: method === 'PATCH' ? rng.pick(PATCH_TYPES) : 'application/json',
        };
      }
      case 'status': {
        const method = rng.pick(['GET', 'PUT', 'PATCH']);
        if (method === 'GET') return { verb: 'status', method, path: object('status'), accept };
        const body = method === 'PUT' ? this.objectBody(info, name) : this.patchBody(info, name);
        return { verb: 'status', method, path: object('status'), ...body };
      }
      case 'pod': {
        const pods = KINDS.find((k) => k.kind === 'Pod') as KindInfo;
        const podName = rng.chance(0.7) ? targetName(pods) : this.name(pods);
        const sub = rng.pick(['binding', 'eviction', 'log', 'exec', 'attach', 'portforward', 'proxy']);
        const path = pathFor(pods, { namespace, name: podName, subresource: sub });
        if (sub === 'log') {
          const query: Record<string, string> = {};
          for (const [k, values] of Object.entries({
            container: ['main', 'nope', ''],
            tailLines: ['-1', '0', '5', 'x'],
            sinceSeconds: ['-1', '10', 'x'],
            sinceTime: ['garbage', '2026-11-25T00:00:00Z'],
            limitBytes: ['-1', '0', '10', 'x'],
            timestamps: ['true', 'x'],
            previous: ['true'],
          })) {
            if (rng.chance(0.3)) query[k] = rng.pick(values);
          }
          return { verb: 'log', method: rng.chance(0.9) ? 'GET' : 'POST', path, query };
        }
        const body = rng.pick([
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'Binding',
            metadata: { name: podName },
            target: { apiVersion: 'v1', kind: 'Node', name: rng.pick(['node-1', '', 5]) },
          }),
          JSON.stringify({
            apiVersion: 'policy/v1',
            kind: 'Eviction',
            metadata: { name: podName },
            deleteOptions: randomJson(rng, 2),
          }),
          JSON.stringify(randomJson(rng, 3)),
          malformedJson(rng, '{"target":{"name":"node-1"}}'),
          undefined,
        ]);
        return {
          verb: sub,
          method: rng.pick(['POST', 'GET', 'PUT']),
          path,
          body,
          contentType: 'application/json',
          query: sub === 'exec' ? { command: 'hostname' } : undefined,
        };
      }
      case 'list':
        return {
          verb: 'list',
          method: 'GET',
          path: rng.chance(0.2) ? `/api/v1/${rng.pick(KINDS).resource}` : collection,
          query: this.listQuery(),
          accept,
        };
      case 'watch':
        return {
          verb: 'watch',
          method: 'GET',
          path: collection,
          query: { ...this.listQuery(), watch: rng.pick(['true', '1', 'false', 'x']) },
          accept,
          stream: true,
        };
      case 'get':
        return {
          verb: 'get',
          method: rng.pick(['GET', 'HEAD']),
          path: object(),
          accept,
          query: rng.chance(0.2) ? { resourceVersion: rng.pick(['0', 'x', '1']) } : undefined,
        };
      default:
        return {
          verb: 'stray',
          method: rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']),
          path: rng.pick([
            '/',
            '/api',
            '/apis',
            '/api/v2',
            '/apis/apps',
            '/apis/apps/v1',
            '/apis/apps/v2/deployments',
            '/apis/nope/v1/things',
            `/api/v1/namespaces/${NS}/unknowns`,
            `/api/v1/namespaces/${NS}/pods/a/b/c/d`,
            '/openapi/v2',
            '/openapi/v3',
            '/openapi/v3/apis/zzz/v1',
            '/version',
            '/healthz',
            '/readyz',
            '/metrics',
            '/api/v1/namespaces//pods',
            '/api/v1/%ZZ',
            `/${rng.string(40)}`,
          ]),
          body: rng.chance(0.5) ? JSON.stringify(randomJson(rng, 2)) : undefined,
          contentType: 'application/json',
          accept,
        };
    }
  }

  private writeQuery(): Record<string, string> {
    const rng = this.rng;
    const q: Record<string, string> = {};
    if (rng.chance(0.5)) q.fieldValidation = rng.pick(['Strict', 'Warn', 'Ignore', 'Bogus']);
    if (rng.chance(0.3)) q.dryRun = rng.pick(['All', 'bogus', '']);
    if (rng.chance(0.3)) q.fieldManager = rng.pick(['kubectl', '', 'x'.repeat(200), '\u0001']);
    if (rng.chance(0.1)) q.force = rng.pick(['true', 'maybe']);
    return q;
  }
}

interface Finding {
  request: string;
  status: number | string;
  body: string;
}

function describeRequest(r: FuzzRequest): string {
  const qs = r.query ? `?${new URLSearchParams(r.query).toString()}` : '';
  const body =
    r.body === undefined
      ? ''
      : ` body(${r.contentType ?? ''}, ${r.body.length} bytes)=${String(r.body).slice(0, 160)}`;
  return `${r.verb}: ${r.method} ${r.path}${qs}${body}`;
}

/**
 * A request target must be printable ASCII (anything else is not HTTP, and Node's parser answers it before the
 * server sees it): escape just those characters and send everything else raw, backslashes and quotes included.
 */
const rawPath = (path: string) => path.replace(/[^\u0021-\u007e]/gu, (c) => encodeURIComponent(c));

/** One request over node:http (fetch refuses bodies on GET and HEAD, which a fuzzer wants to send). */
function send(agent: http.Agent, port: number, r: FuzzRequest): Promise<Finding | undefined> {
  const path = rawPath(`${r.path}${r.query ? `?${new URLSearchParams(r.query).toString()}` : ''}`);
  const headers: Record<string, string | number> = {};
  if (r.contentType !== undefined && r.body !== undefined) headers['Content-Type'] = r.contentType;
  if (r.body !== undefined) headers['Content-Length'] = Buffer.byteLength(r.body);
  if (r.accept) headers.Accept = r.accept;
  const finding = (status: number | string, body: string): Finding => ({
    request: describeRequest(r),
    status,
    body,
  });
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: r.method, path, headers, agent, timeout: 10_000 },
      (res) => {
        const code = res.statusCode ?? 0;
        if (r.stream && code === 200) {
          req.destroy();
          return resolve(undefined);
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => resolve(finding('broken answer', err.message)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (code >= 500) return resolve(finding(code, text.slice(0, 400)));
          if (code >= 400 && r.method !== 'HEAD') {
            let status: { kind?: string; apiVersion?: string; code?: number; status?: string } | undefined;
            try {
              status = JSON.parse(text);
            } catch {
              status = undefined;
            }
            if (
              status?.kind !== 'Status' ||
              status.apiVersion !== 'v1' ||
              status.code !== code ||
              status.status !== 'Failure'
            ) {
              return resolve(finding(code, `not a Failure Status: ${text.slice(0, 400)}`));
            }
          }
          resolve(undefined);
        });
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(finding('no answer', 'timed out after 10 s'));
    });
    req.on('error', (err) => resolve(finding('no answer', err.message)));
    req.end(r.body);
  });
}

describe('API fuzz: 10,000 random requests at every endpoint and verb', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let h: ApiHarness;

  const restoreTargets = async () => {
    for (const info of [...KINDS].sort((a) => (a.kind === 'Namespace' ? -1 : 0))) {
      const obj =
        info.kind === 'Namespace' ? sampleObject(info, NS, NS) : sampleObject(info, targetName(info), NS);
      await h.store.create(obj).catch(() => {});
    }
  };

  before(async () => {
    redis = await TestRedis.start();
    h = await startApiHarness(redis);
    await restoreTargets();
  });

  after(async () => {
    await h?.close();
    await redis?.destroy();
  });

  it(`answers every request below 500, every error a Status (seed ${SEED})`, async () => {
    const factory = new RequestFactory(new Rng(SEED));
    const requests = Array.from({ length: REQUESTS }, () => factory.next());
    const findings: Finding[] = [];
    const byVerb = new Map<string, number>();
    const started = Date.now();
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const i = next++;
        if (i % 1000 === 999) await restoreTargets();
        const r = requests[i];
        byVerb.set(r.verb, (byVerb.get(r.verb) ?? 0) + 1);
        const finding = await send(agent, h.server.port, r);
        if (finding) findings.push(finding);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    console.log(
      `      ${REQUESTS} requests in ${Date.now() - started} ms (seed ${SEED}): ${[...byVerb].map(([v, n]) => `${v} ${n}`).join(', ')}`,
    );
    const distinct = new Map<string, Finding>();
    for (const f of findings) {
      const key = `${f.status} ${f.request.split(' ').slice(0, 2).join(' ')} ${f.body.slice(0, 80)}`;
      if (!distinct.has(key)) distinct.set(key, f);
    }
    assert.equal(
      findings.length,
      0,
      `${findings.length} bad answers (seed ${SEED}), ${distinct.size} distinct:\n${[...distinct.values()]
        .slice(0, 25)
        .map((f) => `- ${f.request}\n  → ${f.status}: ${f.body}`)
        .join('\n')}`,
    );
  });

  it('the system namespaces survived, as they do in Kubernetes', async () => {
    const names = (await h.store.list('Namespace')).items.map((n) => n.metadata.name);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      assert.ok(names.includes(ns), `namespace ${ns} was deleted (namespaces now: ${names.join(', ')})`);
    }
  });

  it('still serves afterwards', async () => {
    const version = await fetch(`${h.server.url}/version`);
    assert.equal(version.status, 200);
    const list = await fetch(`${h.server.url}/api/v1/pods`);
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { kind: string }).kind, 'PodList');
    await h.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'after-fuzz' } });
    const created = await h.client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'after-fuzz', namespace: 'after-fuzz' },
      data: { ok: 'yes' },
    });
    assert.equal(created.metadata.name, 'after-fuzz');
    await h.client.delete('ConfigMap', 'after-fuzz', 'after-fuzz');
  });

  it('the store still agrees with its log', async () => {
    const v = await h.store.verify();
    assert.ok(v.ok, v.mismatches.join('\n'));
  });
});
