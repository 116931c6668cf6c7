// Rollout history and undo, computed client-side as kubectl does: a Deployment's revisions are the ReplicaSets it
// controls (numbered by their revision annotation), a DaemonSet's or StatefulSet's are its ControllerRevisions
// (numbered by `.revision`, holding the template as a strategic merge patch).
import {
  CHANGE_CAUSE_ANNOTATION,
  canonicalJson,
  controllerRevisionData,
  DESIRED_REPLICAS_ANNOTATION,
  deepCopy,
  equalIgnoreHash,
  isControlledBy,
  isRecord,
  type KubeObject,
  LAST_APPLIED_CONFIG_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  type PodTemplateSpec,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
} from '@kubesim/api';
import { PrefixWriter } from '../describe/prefix-writer.js';
import { podTemplate } from '../describe/sections.js';
import { CliError } from '../errors.js';
import { TabWriter } from '../output/tabwriter.js';

export interface Revision {
  revision: number;
  /** The object holding this revision: a ReplicaSet or a ControllerRevision. */
  source: KubeObject;
  template: PodTemplateSpec;
  changeCause?: string;
}

/** Deployment revisions: its controlled ReplicaSets by revision annotation (later duplicates win, as in kubectl). */
export function deploymentRevisions(deployment: KubeObject, replicaSets: readonly KubeObject[]): Revision[] {
  const byRevision = new Map<number, Revision>();
  for (const rs of sortByCreation(replicaSets.filter((rs) => isControlledBy(rs, deployment)))) {
    const text = rs.metadata.annotations?.[REVISION_ANNOTATION];
    const revision = text === undefined ? 0 : Number(text);
    if (!Number.isInteger(revision)) continue;
    byRevision.set(revision, {
      revision,
      source: rs,
      template: rs.spec?.template ?? {},
      changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
    });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/** DaemonSet and StatefulSet revisions: their controlled ControllerRevisions, the template taken from `data`. */
export function controllerRevisions(owner: KubeObject, revisions: readonly KubeObject[]): Revision[] {
  return revisions
    .filter((cr) => isControlledBy(cr, owner))
    .map((cr) => ({
      revision: Number(cr.revision ?? 0),
      source: cr,
      template: templateOfData(cr.data),
      changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
    }))
    .sort((a, b) => a.revision - b.revision);
}

/** The template a ControllerRevision's data restores (`{"spec":{"template":{"$patch":"replace",…}}}`). */
function templateOfData(data: unknown): PodTemplateSpec {
  const template =
    isRecord(data) && isRecord(data.spec) && isRecord(data.spec.template) ? deepCopy(data.spec.template) : {};
  delete template.$patch;
  return template as unknown as PodTemplateSpec;
}

function sortByCreation(list: readonly KubeObject[]): KubeObject[] {
  return [...list].sort((a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
    return ta - tb || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  });
}

/** FindNewReplicaSet: the oldest controlled ReplicaSet whose template equals the Deployment's, ignoring the hash. */
export function newReplicaSet(
  deployment: KubeObject,
  replicaSets: readonly KubeObject[],
): KubeObject | undefined {
  return sortByCreation(replicaSets.filter((rs) => isControlledBy(rs, deployment))).find((rs) =>
    equalIgnoreHash(rs.spec?.template, deployment.spec?.template),
  );
}

/** Every other controlled ReplicaSet, oldest first. */
export function oldReplicaSets(deployment: KubeObject, replicaSets: readonly KubeObject[]): KubeObject[] {
  const current = newReplicaSet(deployment, replicaSets);
  return sortByCreation(replicaSets.filter((rs) => isControlledBy(rs, deployment) && rs !== current));
}

/** `REVISION  CHANGE-CAUSE` rows, or kubectl's sentence when there is no history. */
export function historyTable(revisions: readonly Revision[]): string {
  if (revisions.length === 0) return 'No rollout history found.';
  const w = new TabWriter({ minWidth: 0, padding: 2 }).write('REVISION\tCHANGE-CAUSE\n');
  for (const r of revisions) w.write(`${r.revision}\t${r.changeCause || '<none>'}\n`);
  return w.take();
}

/** `rollout history --revision=N`: the revision's pod template, change cause among its annotations. */
export function historyDetail(revisions: readonly Revision[], revision: number): string {
  const found = revisions.find((r) => r.revision === revision);
  if (!found) throw new CliError('unable to find the specified revision');
  const template = deepCopy(found.template);
  if (found.changeCause) {
    template.metadata = template.metadata ?? {};
    template.metadata.annotations = {
      ...template.metadata.annotations,
      [CHANGE_CAUSE_ANNOTATION]: found.changeCause,
    };
  }
  const w = new PrefixWriter({ aligned: false });
  podTemplate(w, template);
  return w.output();
}

/** The revision `undo` goes back to: the one asked for, or (0) the one before the newest. */
export function rollbackTarget(
  revisions: readonly Revision[],
  toRevision: number,
  ownerDescription: string,
): Revision {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  if (toRevision > 0) {
    const found = revisions.find((r) => r.revision === toRevision);
    if (!found) throw revisionNotFound(toRevision);
    return found;
  }
  if (revisions.length < 2) {
    throw new CliError(
      ownerDescription.startsWith('deployment')
        ? `no rollout history found for ${ownerDescription}`
        : 'no last revision to roll back to',
    );
  }
  return revisions[revisions.length - 2];
}

function revisionNotFound(revision: number): CliError {
  return new CliError(`unable to find specified revision ${revision} in history`);
}

export type Rollback =
  | { kind: 'skip'; message: string }
  | { kind: 'json-patch'; patch: unknown[] }
  | { kind: 'strategic-patch'; patch: string };

/** Annotations kept from the Deployment itself rather than copied from the ReplicaSet rolled back to. */
const DEPLOYMENT_OWN_ANNOTATIONS = [
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
];

const skipped = (toRevision: number): Rollback => ({
  kind: 'skip',
  message: `skipped rollback (current template already matches revision ${toRevision})`,
});

/** DeploymentRollbacker: a JSON patch replacing the template and the annotations, unless nothing would change. */
export function deploymentRollback(deployment: KubeObject, target: Revision, toRevision: number): Rollback {
  if (deployment.spec?.paused) {
    throw new CliError(
      `you cannot rollback a paused deployment; resume it first with 'ksim rollout resume deployment/${deployment.metadata.name}' and try again`,
    );
  }
  if (equalIgnoreHash(target.template, deployment.spec?.template)) return skipped(toRevision);
  const template = deepCopy(target.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  const own = deployment.metadata.annotations ?? {};
  for (const key of DEPLOYMENT_OWN_ANNOTATIONS) if (own[key] !== undefined) annotations[key] = own[key];
  for (const [key, value] of Object.entries(target.source.metadata.annotations ?? {})) {
    if (!DEPLOYMENT_OWN_ANNOTATIONS.includes(key)) annotations[key] = value;
  }
  return {
    kind: 'json-patch',
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  };
}

/**
 * DaemonSet/StatefulSet rollback: the revision's data, byte for byte, as a strategic merge patch; skipped when the
 * current template serializes to those same bytes.
 */
export function controllerRevisionRollback(
  owner: KubeObject,
  target: Revision,
  toRevision: number,
): Rollback {
  const data = canonicalJson(target.source.data);
  if (controllerRevisionData(owner.spec?.template) === data) return skipped(toRevision);
  return { kind: 'strategic-patch', patch: data };
}
