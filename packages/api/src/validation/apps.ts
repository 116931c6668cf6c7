// apps/v1 workload rules (pkg/apis/apps/validation): Deployment, ReplicaSet, StatefulSet, DaemonSet and
// ControllerRevision specs, their statuses, and what an update may change.
import * as E from 'fp-ts/Either';
import { deepEqual, isRecord, type JsonRecord } from '../json.js';
import { selectorFromLabelSelector } from '../selectors/label-selector.js';
import {
  all,
  type Check,
  each,
  fail,
  isAbsent,
  nonNegative,
  ok,
  oneOf,
  optBool,
  optInt32,
  optInt64,
  optRecord,
  optString,
} from './check.js';
import { fieldErrors } from './field-error.js';
import { goLabelSelector, goValue } from './go-format.js';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  printIntOrPercent,
  validatePositiveIntOrPercent,
} from './int-or-percent.js';
import { validateLabelSelector } from './label-selector.js';
import { FieldPath } from './path.js';
import { validatePodTemplateSpec } from './pod.js';
import { validatePersistentVolumeClaimSpec } from './storage.js';

const spec = FieldPath.root('spec');

const nonNegInt32 = (v: unknown, path: FieldPath): Check => optInt32(v, path, (n) => nonNegative(path, n));
const nonNegInt64 = (v: unknown, path: FieldPath): Check => optInt64(v, path, (n) => nonNegative(path, n));

/** Required, structurally valid and non-empty; Kubernetes' wording names the owning kind. */
function validateWorkloadSelector(selector: unknown, path: FieldPath, owner: string): Check {
  if (isAbsent(selector)) return fail(fieldErrors.required(path));
  const structural = validateLabelSelector(selector, path);
  if (E.isLeft(structural) || !isRecord(selector)) return structural;
  const empty =
    (!isRecord(selector.matchLabels) || Object.keys(selector.matchLabels).length === 0) &&
    (!Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0);
  return empty
    ? fail(
        fieldErrors.invalidPrinted(path, goLabelSelector(selector), `empty selector is invalid for ${owner}`),
      )
    : ok;
}

/** The selector must select the pods the template makes (skipped while the selector itself is unusable). */
function validateTemplateLabelsMatch(selector: unknown, templateLabels: unknown, path: FieldPath): Check {
  if (!isRecord(selector)) return ok;
  const parsed = selectorFromLabelSelector(selector);
  if (E.isLeft(parsed) || parsed.right.isEmpty()) return ok;
  if (parsed.right.matches(isRecord(templateLabels) ? (templateLabels as Record<string, string>) : {}))
    return ok;
  const printed = isRecord(templateLabels) ? goValue(templateLabels) : 'map[string]string(nil)';
  return fail(fieldErrors.invalidPrinted(path, printed, '`selector` does not match template `labels`'));
}

/**
 * The selector and the pod template of a workload; the template's pods must always restart. A missing template
 * is judged as an empty one, as Go's zero-valued struct would be.
 */
function validateSelectorAndTemplate(
  s: JsonRecord,
  path: FieldPath,
  owner: string,
  ownerTitle: string,
  podSpecDeferred = false,
): Check {
  const templatePath = path.child('template');
  const template = isAbsent(s.template) ? {} : s.template;
  const templateLabels =
    isRecord(template) && isRecord(template.metadata) ? template.metadata.labels : undefined;
  return all(
    validateWorkloadSelector(s.selector, path.child('selector'), owner),
    validateTemplateLabelsMatch(s.selector, templateLabels, templatePath.child('metadata').child('labels')),
    validatePodTemplateSpec(template, templatePath, {
      restartPolicies: ['Always'],
      forbidActiveDeadline: `activeDeadlineSeconds in ${ownerTitle} is not Supported`,
      podSpecDeferred,
    }),
  );
}

function validateDeploymentStrategy(strategy: unknown, path: FieldPath): Check {
  return optRecord(strategy, path, (st) => {
    const ru = st.rollingUpdate;
    switch (st.type) {
      case undefined:
      case '':
        return ok;
      case 'Recreate':
        return isAbsent(ru)
          ? ok
          : fail(
              fieldErrors.forbidden(
                path.child('rollingUpdate'),
                "may not be specified when strategy `type` is 'Recreate'",
              ),
            );
      case 'RollingUpdate':
        return optRecord(ru, path.child('rollingUpdate'), (r) => {
          const rp = path.child('rollingUpdate');
          return all(
            validatePositiveIntOrPercent(r.maxUnavailable, rp.child('maxUnavailable')),
            validatePositiveIntOrPercent(r.maxSurge, rp.child('maxSurge')),
            intOrPercentValue(r.maxUnavailable) === 0 && intOrPercentValue(r.maxSurge) === 0
              ? fail(
                  fieldErrors.invalidPrinted(
                    rp.child('maxUnavailable'),
                    printIntOrPercent(r.maxUnavailable ?? 0),
                    'may not be 0 when `maxSurge` is 0',
                  ),
                )
              : ok,
            isNotMoreThan100Percent(r.maxUnavailable, rp.child('maxUnavailable')),
          );
        });
      default:
        return fail(fieldErrors.notSupported(path.child('type'), st.type, ['Recreate', 'RollingUpdate']));
    }
  });
}

function validateDeploymentSpec(s: JsonRecord): Check {
  const minReady = typeof s.minReadySeconds === 'number' ? s.minReadySeconds : 0;
  return all(
    nonNegInt32(s.replicas, spec.child('replicas')),
    validateSelectorAndTemplate(s, spec, 'deployment', 'ReplicaSet'),
    validateDeploymentStrategy(s.strategy, spec.child('strategy')),
    nonNegInt32(s.minReadySeconds, spec.child('minReadySeconds')),
    nonNegInt32(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')),
    optBool(s.paused, spec.child('paused')),
    optInt32(s.progressDeadlineSeconds, spec.child('progressDeadlineSeconds'), (n) =>
      all(
        nonNegative(spec.child('progressDeadlineSeconds'), n),
        n <= minReady
          ? fail(
              fieldErrors.invalid(
                spec.child('progressDeadlineSeconds'),
                n,
                'must be greater than minReadySeconds',
              ),
            )
          : ok,
      ),
    ),
  );
}

function validateReplicaSetSpec(s: JsonRecord): Check {
  return all(
    nonNegInt32(s.replicas, spec.child('replicas')),
    nonNegInt32(s.minReadySeconds, spec.child('minReadySeconds')),
    // Kubernetes' own message says "deployment" here too.
    validateSelectorAndTemplate(s, spec, 'deployment', 'ReplicaSet'),
  );
}

function validateStatefulSetUpdateStrategy(strategy: unknown, path: FieldPath): Check {
  return optRecord(strategy, path, (st) => {
    const ru = st.rollingUpdate;
    switch (st.type) {
      case undefined:
      case '':
        return ok;
      case 'OnDelete':
        return isAbsent(ru)
          ? ok
          : fail(
              fieldErrors.invalidPrinted(
                path.child('rollingUpdate'),
                JSON.stringify(ru),
                "only allowed for updateStrategy 'RollingUpdate'",
              ),
            );
      case 'RollingUpdate':
        return optRecord(ru, path.child('rollingUpdate'), (r) =>
          all(
            nonNegInt32(r.partition, path.child('rollingUpdate').child('partition')),
            validatePositiveIntOrPercent(
              r.maxUnavailable,
              path.child('rollingUpdate').child('maxUnavailable'),
            ),
          ),
        );
      default:
        return fail(fieldErrors.invalid(path, st.type, "must be 'RollingUpdate' or 'OnDelete'"));
    }
  });
}

function validateStatefulSetSpec(s: JsonRecord): Check {
  const claimTemplates = spec.child('volumeClaimTemplates');
  return all(
    optString(s.podManagementPolicy, spec.child('podManagementPolicy'), (p) =>
      p === '' || p === 'OrderedReady' || p === 'Parallel'
        ? ok
        : fail(
            fieldErrors.invalid(spec.child('podManagementPolicy'), p, "must be 'OrderedReady' or 'Parallel'"),
          ),
    ),
    validateStatefulSetUpdateStrategy(s.updateStrategy, spec.child('updateStrategy')),
    optRecord(
      s.persistentVolumeClaimRetentionPolicy,
      spec.child('persistentVolumeClaimRetentionPolicy'),
      (p) =>
        all(
          oneOf(p.whenDeleted, spec.child('persistentVolumeClaimRetentionPolicy').child('whenDeleted'), [
            'Retain',
            'Delete',
          ]),
          oneOf(p.whenScaled, spec.child('persistentVolumeClaimRetentionPolicy').child('whenScaled'), [
            'Retain',
            'Delete',
          ]),
        ),
    ),
    optRecord(s.ordinals, spec.child('ordinals'), (o) =>
      nonNegInt32(o.start, spec.child('ordinals').child('start')),
    ),
    nonNegInt32(s.replicas, spec.child('replicas')),
    nonNegInt32(s.minReadySeconds, spec.child('minReadySeconds')),
    nonNegInt32(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')),
    optString(s.serviceName, spec.child('serviceName')),
    validateSelectorAndTemplate(s, spec, 'statefulset', 'StatefulSet', true),
    Array.isArray(s.volumeClaimTemplates)
      ? each(s.volumeClaimTemplates, (t, i) =>
          optRecord(t, claimTemplates.index(i), (pvc) =>
            all(
              optRecord(pvc.metadata, claimTemplates.index(i).child('metadata')),
              validatePersistentVolumeClaimSpec(pvc.spec, claimTemplates.index(i).child('spec')),
            ),
          ),
        )
      : isAbsent(s.volumeClaimTemplates)
        ? ok
        : fail(fieldErrors.invalid(claimTemplates, s.volumeClaimTemplates, 'must be of type array')),
  );
}

function validateDaemonSetUpdateStrategy(strategy: unknown, path: FieldPath): Check {
  return optRecord(strategy, path, (st) => {
    switch (st.type) {
      case undefined:
      case '':
      case 'OnDelete':
        return ok;
      case 'RollingUpdate':
        return optRecord(st.rollingUpdate, path.child('rollingUpdate'), (r) => {
          const rp = path.child('rollingUpdate');
          const hasUnavailable = intOrPercentValue(r.maxUnavailable) !== 0;
          const hasSurge = intOrPercentValue(r.maxSurge) !== 0;
          return all(
            validatePositiveIntOrPercent(r.maxUnavailable, rp.child('maxUnavailable')),
            validatePositiveIntOrPercent(r.maxSurge, rp.child('maxSurge')),
            isNotMoreThan100Percent(r.maxUnavailable, rp.child('maxUnavailable')),
            isNotMoreThan100Percent(r.maxSurge, rp.child('maxSurge')),
            hasUnavailable && hasSurge
              ? fail(
                  fieldErrors.invalidPrinted(
                    rp.child('maxSurge'),
                    printIntOrPercent(r.maxSurge),
                    'may not be set when maxUnavailable is non-zero',
                  ),
                )
              : !hasUnavailable && !hasSurge
                ? fail(fieldErrors.required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'))
                : ok,
          );
        });
      default:
        return fail(fieldErrors.notSupported(path.child('type'), st.type, ['OnDelete', 'RollingUpdate']));
    }
  });
}

function validateDaemonSetSpec(s: JsonRecord): Check {
  return all(
    validateSelectorAndTemplate(s, spec, 'daemonset', 'DaemonSet'),
    validateDaemonSetUpdateStrategy(s.updateStrategy, spec.child('updateStrategy')),
    nonNegInt32(s.minReadySeconds, spec.child('minReadySeconds')),
    nonNegInt64(s.templateGeneration, spec.child('templateGeneration')),
    nonNegInt32(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')),
  );
}

/** Status counters are never negative and never exceed status.replicas (ValidateDeploymentStatus and kin). */
function validateReplicaCounters(status: unknown, counters: string[], bounded: string[]): Check {
  const path = FieldPath.root('status');
  return optRecord(status, path, (st) => {
    const replicas = typeof st.replicas === 'number' ? st.replicas : 0;
    return all(
      nonNegInt64(st.observedGeneration, path.child('observedGeneration')),
      nonNegInt32(st.collisionCount, path.child('collisionCount')),
      ...counters.map((c) => nonNegInt32(st[c], path.child(c))),
      ...bounded.map((c) =>
        typeof st[c] === 'number' && st[c] > replicas
          ? fail(fieldErrors.invalid(path.child(c), st[c], 'cannot be greater than status.replicas'))
          : ok,
      ),
      typeof st.availableReplicas === 'number' &&
        typeof st.readyReplicas === 'number' &&
        st.availableReplicas > st.readyReplicas &&
        bounded.includes('readyReplicas')
        ? fail(
            fieldErrors.invalid(
              path.child('availableReplicas'),
              st.availableReplicas,
              'cannot be greater than readyReplicas',
            ),
          )
        : ok,
    );
  });
}

type SpecRule = (s: JsonRecord) => Check;

function withSpec(obj: JsonRecord, rule: SpecRule): Check {
  if (isAbsent(obj.spec)) return rule({});
  return optRecord(obj.spec, spec, rule);
}

export function validateDeployment(obj: JsonRecord): Check {
  return all(
    withSpec(obj, validateDeploymentSpec),
    validateReplicaCounters(
      obj.status,
      ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'],
      ['updatedReplicas', 'readyReplicas', 'availableReplicas'],
    ),
  );
}

export function validateReplicaSet(obj: JsonRecord): Check {
  return all(
    withSpec(obj, validateReplicaSetSpec),
    validateReplicaCounters(
      obj.status,
      ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
      ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
    ),
  );
}

export function validateStatefulSet(obj: JsonRecord): Check {
  return all(
    withSpec(obj, validateStatefulSetSpec),
    validateReplicaCounters(
      obj.status,
      ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'],
      ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'],
    ),
  );
}

export function validateDaemonSet(obj: JsonRecord): Check {
  const path = FieldPath.root('status');
  return all(
    withSpec(obj, validateDaemonSetSpec),
    optRecord(obj.status, path, (st) =>
      all(
        ...[
          'currentNumberScheduled',
          'numberMisscheduled',
          'desiredNumberScheduled',
          'numberReady',
          'updatedNumberScheduled',
          'numberAvailable',
          'numberUnavailable',
          'collisionCount',
        ].map((c) => nonNegInt32(st[c], path.child(c))),
        nonNegInt64(st.observedGeneration, path.child('observedGeneration')),
      ),
    ),
  );
}

export function validateControllerRevision(obj: JsonRecord): Check {
  return all(
    isAbsent(obj.data) ? fail(fieldErrors.required(FieldPath.root('data'), 'data is mandatory')) : ok,
    isAbsent(obj.revision)
      ? ok
      : optInt64(obj.revision, FieldPath.root('revision'), (n) => nonNegative(FieldPath.root('revision'), n)),
  );
}

/** apps/v1 forbids changing a workload's selector; it would orphan its pods. */
function selectorImmutable(obj: JsonRecord, old: JsonRecord): Check {
  const s = isRecord(obj.spec) ? obj.spec.selector : undefined;
  const o = isRecord(old.spec) ? old.spec.selector : undefined;
  return deepEqual(s, o)
    ? ok
    : fail(fieldErrors.invalidPrinted(spec.child('selector'), goLabelSelector(s), 'field is immutable'));
}

export function validateDeploymentUpdate(obj: JsonRecord, old: JsonRecord): Check {
  return selectorImmutable(obj, old);
}

export const validateReplicaSetUpdate = validateDeploymentUpdate;
export const validateDaemonSetUpdate = validateDeploymentUpdate;

const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

export function validateStatefulSetUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const strip = (s: unknown) =>
    isRecord(s) ? Object.fromEntries(Object.entries(s).filter(([k]) => !STATEFULSET_MUTABLE.includes(k))) : s;
  return deepEqual(strip(obj.spec), strip(old.spec))
    ? ok
    : fail(
        fieldErrors.forbidden(
          spec,
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
}

export function validateControllerRevisionUpdate(obj: JsonRecord, old: JsonRecord): Check {
  return deepEqual(obj.data, old.data)
    ? ok
    : fail(
        fieldErrors.invalidPrinted(
          FieldPath.root('data'),
          JSON.stringify(obj.data) ?? 'null',
          'field is immutable',
        ),
      );
}
