// apps/v1 defaulting (pkg/apis/apps/v1/defaults.go) for Deployment, ReplicaSet, StatefulSet and DaemonSet; each
// also defaults its pod template. apps/v1 does not default selectors or labels from the template.
import { isRecord, type JsonRecord } from '../json.js';
import { defaultPodTemplate } from './pod.js';
import { ensureRecord, recordAt, setDefault } from './set.js';

export function defaultDeployment(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (!spec) return;
  setDefault(spec, 'replicas', 1);
  const strategy = ensureRecord(spec, 'strategy');
  if (strategy) {
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureRecord(strategy, 'rollingUpdate');
      if (ru) {
        setDefault(ru, 'maxUnavailable', '25%', false);
        setDefault(ru, 'maxSurge', '25%', false);
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(recordAt(spec, 'template'));
}

export function defaultReplicaSet(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (!spec) return;
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(recordAt(spec, 'template'));
}

export function defaultStatefulSet(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (!spec) return;
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureRecord(spec, 'updateStrategy');
  if (strategy) {
    // Only a strategy with no type gets an empty rollingUpdate; an explicit RollingUpdate without one stays so.
    if (strategy.type === undefined || strategy.type === null || strategy.type === '') {
      strategy.type = 'RollingUpdate';
      ensureRecord(strategy, 'rollingUpdate');
    }
    const ru = recordAt(strategy, 'rollingUpdate');
    if (strategy.type === 'RollingUpdate' && ru) setDefault(ru, 'partition', 0);
  }
  const retention = ensureRecord(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    setDefault(retention, 'whenDeleted', 'Retain');
    setDefault(retention, 'whenScaled', 'Retain');
  }
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(recordAt(spec, 'template'));
  for (const claim of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
    // The generated defaulters recurse into claim templates: spec and status both get the claim defaults.
    const claimSpec = recordAt(claim, 'spec');
    if (claimSpec) setDefault(claimSpec, 'volumeMode', 'Filesystem');
    const status = isRecord(claim) ? ensureRecord(claim, 'status') : undefined;
    if (status) setDefault(status, 'phase', 'Pending');
  }
}

export function defaultDaemonSet(obj: JsonRecord): void {
  const spec = ensureRecord(obj, 'spec');
  if (!spec) return;
  const strategy = ensureRecord(spec, 'updateStrategy');
  if (strategy) {
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureRecord(strategy, 'rollingUpdate');
      if (ru) {
        // Integers, not percents: "1" and 1 differ in ControllerRevision bytes.
        setDefault(ru, 'maxUnavailable', 1, false);
        setDefault(ru, 'maxSurge', 0, false);
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(recordAt(spec, 'template'));
}
