// Accept and Content-Type handling, request bodies and query options, with the headers kubectl sends
// (kubectl-wire.md §2, §6, §7, §8).
import assert from 'node:assert/strict';
import type { Status } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { decodeBody } from './body.js';
import { parseAccept, parseMediaType } from './media-type.js';
import {
  parseDeleteOptions,
  parseGoDuration,
  parseListOptions,
  parseRequestTimeout,
  parseWriteOptions,
} from './query.js';
import { negotiateResponse } from './response.js';

const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function left<T>(r: E.Either<Status, T>): Status {
  if (E.isRight(r)) assert.fail(`expected a failure, got ${JSON.stringify(r.right)}`);
  return r.left;
}

function right<T>(r: E.Either<Status, T>): T {
  if (E.isLeft(r)) assert.fail(`unexpected failure ${r.left.code}: ${r.left.message}`);
  return r.right;
}

const q = (s: string) => new URLSearchParams(s);

describe('media types and Accept', () => {
  it('parses parameters, quoting and case', () => {
    assert.deepEqual(parseMediaType('Application/JSON; charset="utf-8"; AS=Table'), {
      type: 'application',
      subtype: 'json',
      params: { charset: 'utf-8', as: 'Table' },
    });
    assert.equal(parseMediaType('json'), undefined);
    assert.equal(parseMediaType('application/json; broken'), undefined);
  });

  it("orders ranges by quality, keeping the client's order on ties, and drops q=0", () => {
    assert.deepEqual(
      parseAccept('text/plain;q=0.5, application/yaml, application/json;q=0.9, text/html;q=0').map(
        (r) => `${r.type}/${r.subtype}`,
      ),
      ['application/yaml', 'application/json', 'text/plain'],
    );
    assert.deepEqual(parseAccept(undefined), [{ type: '*', subtype: '*', params: {}, q: 1 }]);
  });
});

describe('negotiateResponse', () => {
  const cases: [string | undefined, object, object?][] = [
    [
      TABLE_ACCEPT,
      { as: 'Table', version: 'v1', contentType: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    ],
    [
      'application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json',
      { as: 'Table', version: 'v1beta1', contentType: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' },
    ],
    [
      'application/json;as=Table;v=v2;g=meta.k8s.io,application/json',
      { as: 'object', serialization: 'json', contentType: 'application/json' },
    ],
    [
      'application/vnd.kubernetes.protobuf,application/json',
      { as: 'object', serialization: 'json', contentType: 'application/json' },
    ],
    [
      'application/vnd.kubernetes.protobuf',
      { as: 'object', serialization: 'json', contentType: 'application/json' },
    ],
    ['application/json, */*', { as: 'object', serialization: 'json', contentType: 'application/json' }],
    [undefined, { as: 'object', serialization: 'json', contentType: 'application/json' }],
    ['application/yaml', { as: 'object', serialization: 'yaml', contentType: 'application/yaml' }],
    [
      'application/yaml, application/json',
      { as: 'object', serialization: 'json', contentType: 'application/json' },
      { watch: true },
    ],
    [
      'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json',
      {
        as: 'PartialObjectMetadata',
        version: 'v1',
        contentType: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
      },
    ],
  ];
  for (const [accept, want, ctx] of cases) {
    it(`${accept}${ctx ? ' (watch)' : ''}`, () =>
      assert.deepEqual(right(negotiateResponse(accept, ctx)), want));
  }

  it('answers 406 when nothing servable is accepted', () => {
    assert.equal(left(negotiateResponse('text/html')).code, 406);
    assert.equal(left(negotiateResponse('application/yaml', { watch: true })).code, 406);
  });
});

describe('decodeBody', () => {
  it('decodes JSON and YAML by Content-Type, JSON when none is given', () => {
    assert.deepEqual(right(decodeBody('application/json', '{"a":1}')), { a: 1 });
    assert.deepEqual(
      right(decodeBody('application/json; charset=utf-8', new TextEncoder().encode('{"a":1}'))),
      { a: 1 },
    );
    assert.deepEqual(right(decodeBody('application/yaml', 'kind: Pod\nspec:\n  hostNetwork: yes\n')), {
      kind: 'Pod',
      spec: { hostNetwork: true },
    });
    assert.deepEqual(right(decodeBody(undefined, '{"b":2}')), { b: 2 });
  });

  it('reports parse errors as 400 and unknown media types as 415', () => {
    const bad = left(decodeBody('application/json', '{"a":'));
    assert.equal(bad.code, 400);
    assert.match(bad.message, /^couldn't get version\/kind; json parse error: /);
    const badYaml = left(decodeBody('application/yaml', 'a: [1'));
    assert.equal(badYaml.code, 400);
    assert.match(badYaml.message, /^error converting YAML to JSON: yaml: /);
    assert.equal(left(decodeBody('application/yaml', 'a: 1\n---\nb: 2\n')).code, 400);
    const other = left(decodeBody('text/plain', 'x'));
    assert.equal(other.code, 415);
    assert.equal(other.reason, 'UnsupportedMediaType');
    assert.match(other.message, /accepted media types include: .*application\/vnd\.kubernetes\.protobuf/);
    const proto = left(decodeBody('application/vnd.kubernetes.protobuf', 'x'));
    assert.equal(proto.code, 400);
    assert.match(proto.message, /does not appear to be a protobuf message/);
  });
});

describe('parseListOptions', () => {
  it('reads the informer-style watch kubectl sends for rollout status', () => {
    const opts = right(
      parseListOptions(
        q(
          'allowWatchBookmarks=true&fieldSelector=metadata.name%3Dnginx-deployment&resourceVersion=42&timeoutSeconds=377&watch=true',
        ),
        'Deployment',
      ),
    );
    assert.equal(opts.watch, true);
    assert.equal(opts.allowWatchBookmarks, true);
    assert.equal(opts.resourceVersion, '42');
    assert.equal(opts.timeoutSeconds, 377);
    assert.equal(opts.fieldSelector.toString(), 'metadata.name=nginx-deployment');
    assert.ok(opts.labelSelector.isEmpty());
  });

  it('reads a get -l list and parses the selectors', () => {
    const opts = right(parseListOptions(q('labelSelector=app%3Dnginx,tier+in+(web)&limit=500'), 'Pod'));
    assert.equal(opts.limit, 500);
    assert.equal(opts.watch, false);
    assert.equal(opts.resourceVersion, undefined);
    assert.ok(opts.labelSelector.matches({ app: 'nginx', tier: 'web' }));
    assert.ok(!opts.labelSelector.matches({ app: 'nginx' }));
    assert.equal(
      right(parseListOptions(q('resourceVersion=0&fieldSelector=metadata.name%3Dx&limit=500')))
        .resourceVersion,
      '0',
    );
  });

  it('reads booleans as the API server does: only 0 and false are false', () => {
    assert.equal(right(parseListOptions(q('watch'))).watch, true);
    assert.equal(right(parseListOptions(q('watch=1'))).watch, true);
    assert.equal(right(parseListOptions(q('watch=FALSE'))).watch, false);
    assert.equal(right(parseListOptions(q('watch=0'))).watch, false);
  });

  it('rejects malformed numbers and selectors with 400', () => {
    const limit = left(parseListOptions(q('limit=abc')));
    assert.equal(limit.code, 400);
    assert.equal(limit.message, 'strconv.ParseInt: parsing "abc": invalid syntax');
    assert.equal(left(parseListOptions(q('timeoutSeconds=1.5'))).code, 400);
    assert.equal(left(parseListOptions(q('labelSelector=app%3D%3D%3D'))).code, 400);
    const field = left(parseListOptions(q('fieldSelector=spec.bogus%3Dx'), 'Deployment'));
    assert.equal(field.message, 'field label not supported: spec.bogus');
    assert.equal(
      right(
        parseListOptions(
          q('fieldSelector=involvedObject.name%3Dx,involvedObject.kind%3DDeployment'),
          'Event',
        ),
      )
        .fieldSelector.toString()
        .includes('involvedObject.kind=Deployment'),
      true,
    );
  });

  it('rejects invalid combinations with a 422 on ListOptions', () => {
    const cases: [string, string][] = [
      [
        'resourceVersionMatch=NotOlderThan',
        'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
      ],
      [
        'resourceVersion=0&resourceVersionMatch=Exact',
        'resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
      ],
      [
        'resourceVersion=5&resourceVersionMatch=Newest',
        'resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""',
      ],
      ['sendInitialEvents=true', 'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
      [
        'watch=true&resourceVersionMatch=NotOlderThan',
        'resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
      ],
    ];
    for (const [query, message] of cases) {
      const s = left(parseListOptions(q(query)));
      assert.equal(s.code, 422, query);
      assert.equal(s.reason, 'Invalid');
      assert.ok(s.message.startsWith('ListOptions.meta.k8s.io "" is invalid: '), s.message);
      assert.ok(s.message.includes(message), s.message);
    }
    assert.equal(
      right(parseListOptions(q('resourceVersion=5&resourceVersionMatch=NotOlderThan'))).resourceVersionMatch,
      'NotOlderThan',
    );
  });

  it('refuses a resourceVersion together with continue', () => {
    const s = left(parseListOptions(q('continue=abc&resourceVersion=7')));
    assert.equal(s.code, 400);
    assert.equal(s.message, 'specifying resource version is not allowed when using continue');
    assert.equal(right(parseListOptions(q('continue=abc&resourceVersion=0'))).continue, 'abc');
  });
});

describe('parseWriteOptions', () => {
  it('reads what kubectl create/apply/edit send', () => {
    assert.deepEqual(
      right(parseWriteOptions(q('fieldManager=kubectl-create&fieldValidation=Strict'), 'create')),
      {
        dryRun: false,
        fieldManager: 'kubectl-create',
        fieldValidation: 'Strict',
      },
    );
    assert.deepEqual(right(parseWriteOptions(q('dryRun=All'), 'update')), {
      dryRun: true,
      fieldValidation: 'Warn',
    });
    assert.deepEqual(
      right(
        parseWriteOptions(q('fieldManager=kubectl&fieldValidation=Strict&force=false'), 'patch', {
          apply: true,
        }),
      ),
      {
        dryRun: false,
        fieldManager: 'kubectl',
        fieldValidation: 'Strict',
        force: false,
      },
    );
  });

  it("rejects bad values with a 422 on the operation's options kind", () => {
    const cases: [string, 'create' | 'update' | 'patch', boolean, string][] = [
      [
        'fieldValidation=Loose',
        'create',
        false,
        'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
      ],
      [
        'dryRun=Some',
        'update',
        false,
        'UpdateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"',
      ],
      [
        'force=true',
        'patch',
        false,
        'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
      ],
      [
        '',
        'patch',
        true,
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      ],
      [
        `fieldManager=${'x'.repeat(129)}`,
        'create',
        false,
        'fieldManager: Too long: may not be more than 128 bytes',
      ],
      [
        'fieldManager=a%0Ab',
        'create',
        false,
        'fieldManager: Invalid value: "a\\nb": must only contain printable characters',
      ],
    ];
    for (const [query, op, apply, message] of cases) {
      const s = left(parseWriteOptions(q(query), op, { apply }));
      assert.equal(s.code, 422, query);
      assert.ok(s.message.includes(message), s.message);
    }
  });
});

describe('parseDeleteOptions', () => {
  it('reads the body kubectl delete sends, ignoring the query then', () => {
    assert.deepEqual(
      right(parseDeleteOptions(q('propagationPolicy=Orphan'), { propagationPolicy: 'Background' })),
      {
        dryRun: false,
        propagationPolicy: 'Background',
      },
    );
    assert.deepEqual(
      right(
        parseDeleteOptions(q(''), {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          gracePeriodSeconds: 0,
          preconditions: { uid: 'u1', resourceVersion: '9' },
          dryRun: ['All'],
        }),
      ),
      { dryRun: true, gracePeriodSeconds: 0, preconditions: { uid: 'u1', resourceVersion: '9' } },
    );
  });

  it('reads the query form when there is no body', () => {
    assert.deepEqual(right(parseDeleteOptions(q('propagationPolicy=Foreground&gracePeriodSeconds=30'))), {
      dryRun: false,
      gracePeriodSeconds: 30,
      propagationPolicy: 'Foreground',
    });
    assert.deepEqual(right(parseDeleteOptions(q('orphanDependents=true'))), {
      dryRun: false,
      orphanDependents: true,
    });
  });

  it('rejects bad policies, conflicting options and mistyped fields', () => {
    const policy = left(parseDeleteOptions(q('propagationPolicy=Later')));
    assert.equal(policy.code, 422);
    assert.match(
      policy.message,
      /DeleteOptions\.meta\.k8s\.io "" is invalid: propagationPolicy: Unsupported value: "Later": supported values: "Foreground", "Background", "Orphan", "nil"/,
    );
    assert.match(
      left(parseDeleteOptions(q(''), { orphanDependents: false, propagationPolicy: 'Orphan' })).message,
      /cannot be both set/,
    );
    assert.equal(left(parseDeleteOptions(q(''), { gracePeriodSeconds: '5' })).code, 400);
    assert.equal(left(parseDeleteOptions(q(''), [1])).code, 400);
    assert.equal(left(parseDeleteOptions(q('gracePeriodSeconds=soon'))).code, 400);
  });
});

describe('timeouts', () => {
  it('parses Go durations', () => {
    const cases: [string, number | undefined][] = [
      ['32s', 32000],
      ['7m35s', 455000],
      ['1h', 3600000],
      ['1.5s', 1500],
      ['250ms', 250],
      ['0', 0],
      ['-2m', -120000],
      ['5', undefined],
      ['s', undefined],
      ['1d', undefined],
    ];
    for (const [text, ms] of cases) assert.equal(parseGoDuration(text), ms, text);
  });

  it('reads ?timeout=', () => {
    assert.deepEqual(parseRequestTimeout(q('timeout=32s')), E.right(32000));
    assert.deepEqual(parseRequestTimeout(q('')), E.right(undefined));
    assert.equal(
      left(parseRequestTimeout(q('timeout=soon'))).message,
      'invalid timeout specified in the request URL',
    );
  });
});
