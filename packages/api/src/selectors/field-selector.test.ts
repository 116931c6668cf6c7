import assert from 'node:assert/strict';
import * as E from 'fp-ts/Either';
import { type FieldSelector, parseFieldSelector } from './field-selector.js';

function parsed(text: string, kind?: string): FieldSelector {
  const s = parseFieldSelector(text, kind);
  if (E.isLeft(s)) assert.fail(s.left.message);
  return s.right;
}

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'default' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always' },
  status: { phase: 'Running' },
};

const event = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'nginx.1', namespace: 'default' },
  involvedObject: {
    kind: 'Deployment',
    namespace: 'default',
    name: 'nginx',
    uid: 'u-1',
    apiVersion: 'apps/v1',
  },
  reason: 'ScalingReplicaSet',
  type: 'Normal',
  source: { component: 'deployment-controller' },
};

describe('field selectors', () => {
  it('parses =, == and != and prints canonically', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['metadata.name=x', 'metadata.name=x'],
      ['metadata.name==x', 'metadata.name=x'],
      ['status.phase!=Running', 'status.phase!=Running'],
      ['spec.nodeName=,metadata.name=a', 'metadata.name=a,spec.nodeName='],
      ['metadata.name=a\\,b', 'metadata.name=a\\,b'],
    ];
    for (const [input, canonical] of cases) assert.equal(parsed(input, 'Pod').toString(), canonical, input);
  });

  it('matches pods by name, namespace, node and phase', () => {
    const cases: [string, boolean][] = [
      ['metadata.name=web-0', true],
      ['metadata.name=web-1', false],
      ['metadata.name!=web-1', true],
      ['metadata.namespace=default,spec.nodeName=node-1', true],
      ['spec.nodeName=', false],
      ['status.phase!=Succeeded,status.phase!=Failed', true],
      ['status.phase=Pending', false],
    ];
    for (const [sel, want] of cases) assert.equal(parsed(sel, 'Pod').matches(pod), want, sel);
    assert.ok(
      parsed('spec.nodeName=', 'Pod').matches({ ...pod, spec: {} }),
      'unscheduled pods have an empty nodeName',
    );
  });

  it('matches events by the selectors kubectl describe sends', () => {
    const sel = parsed(
      'involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.kind=Deployment,involvedObject.uid=u-1',
      'Event',
    );
    assert.ok(sel.matches(event));
    assert.ok(!sel.matches({ ...event, involvedObject: { ...event.involvedObject, uid: 'u-2' } }));
    assert.ok(
      parsed('reason=ScalingReplicaSet,type=Normal,source=deployment-controller', 'Event').matches(event),
    );
    assert.ok(parsed('involvedObject.apiVersion=apps/v1', 'Event').matches(event));
  });

  it('unescapes values', () => {
    assert.ok(parsed('metadata.name=a\\,b\\=c\\\\d').matches({ metadata: { name: 'a,b=c\\d' } }));
  });

  it('answers 400 for unsupported fields and bad syntax', () => {
    const cases: [string, string | undefined, string][] = [
      ['spec.foo=x', 'Pod', 'field label not supported: spec.foo'],
      ['involvedObject.name=x', 'Pod', 'field label not supported: involvedObject.name'],
      ['spec.nodeName=x', 'Deployment', 'field label not supported: spec.nodeName'],
      ['bogus', 'Pod', "invalid selector: 'bogus'; can't understand 'bogus'"],
      ['metadata.name=a\\x', 'Pod', 'invalid escape sequence: \\x'],
    ];
    for (const [text, kind, message] of cases) {
      const r = parseFieldSelector(text, kind);
      assert.ok(E.isLeft(r), text);
      assert.equal(r.left.code, 400);
      assert.equal(r.left.message, message);
    }
  });

  it('pins exact values for narrowing', () => {
    const s = parsed('metadata.name=x,status.phase!=Failed', 'Pod');
    assert.equal(s.requiresExactMatch('metadata.name'), 'x');
    assert.equal(s.requiresExactMatch('status.phase'), undefined);
    assert.ok(parsed('').isEmpty());
  });
});
