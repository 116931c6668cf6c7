// Every message table compiled once, and which message a protobuf body decodes as for its apiVersion and kind:
// the kinds kubesim serves, plus the bodies of subresources and deletes.
import { apiVersionOf, KINDS } from '@kubesim/api';
import { APPS_V1 } from './messages/apps.js';
import { CORE_V1 } from './messages/core.js';
import { META_V1 } from './messages/meta.js';
import { AUTOSCALING_V1, COORDINATION_V1, POLICY_V1, STORAGE_V1 } from './messages/other-groups.js';
import { compileMessages, type MessageSpec } from './schema.js';

export const MESSAGES: ReadonlyMap<string, MessageSpec> = compileMessages(
  META_V1,
  ...CORE_V1,
  APPS_V1,
  STORAGE_V1,
  COORDINATION_V1,
  AUTOSCALING_V1,
  POLICY_V1,
);

const SUBRESOURCE_BODIES: readonly [kind: string, apiVersions: readonly string[]][] = [
  ['Scale', ['autoscaling/v1']],
  ['Eviction', ['policy/v1', 'policy/v1beta1']],
  ['Binding', ['v1']],
];

const TOP_LEVEL = new Map<string, string>([
  ...KINDS.map((info) => [`${apiVersionOf(info)}/${info.kind}`, info.kind] as const),
  ...SUBRESOURCE_BODIES.flatMap(([kind, versions]) => versions.map((v) => [`${v}/${kind}`, kind] as const)),
]);

/**
 * The message a body of this type decodes as, or undefined when there is none. DeleteOptions is taken under any
 * version: clients send it in the group version of whatever they delete.
 */
export function topLevelMessage(apiVersion: string, kind: string): string | undefined {
  if (kind === 'DeleteOptions') return kind;
  return TOP_LEVEL.get(`${apiVersion}/${kind}`);
}
