// Pod spec and pod template rules (pkg/apis/core/validation ValidatePodSpec and friends): containers, ports,
// volumes, mounts, probes, tolerations, affinity, and the template metadata.
import { isRecord, type JsonRecord } from '../json.js';
import { VOLUME_SOURCES } from '../volume-sources.js';
import {
  all,
  type Check,
  each,
  fail,
  isAbsent,
  isInt32,
  messages,
  nonNegative,
  ok,
  oneOf,
  optArray,
  optBool,
  optInt32,
  optInt64,
  optRecord,
  optString,
  reqString,
} from './check.js';
import { fieldErrors } from './field-error.js';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
} from './formats.js';
import { validateLabelSelector } from './label-selector.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import type { FieldPath } from './path.js';
import { validateResourceRequirements } from './resources.js';

export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NODE_SELECTOR_OPERATORS = ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
/** A port given as a number or as a named container port (IntOrString). */
export function validatePortNumOrName(v: unknown, path: FieldPath): Check {
  if (typeof v === 'number') {
    return isInt32(v)
      ? messages(path, v, isValidPortNum(v))
      : fail(fieldErrors.invalid(path, v, 'must be of type int32'));
  }
  if (typeof v === 'string') return messages(path, v, isValidPortName(v));
  return fail(fieldErrors.invalid(path, v ?? '', 'must contain either port name or number'));
}

function validateVolume(vol: unknown, path: FieldPath): Check {
  return optRecord(vol, path, (v) => {
    const sources = VOLUME_SOURCES.filter((s) => !isAbsent(v[s]));
    return all(
      reqString(v.name, path.child('name'), (n) => messages(path.child('name'), n, isDNS1123Label(n))),
      sources.length === 0
        ? fail(fieldErrors.required(path, 'must specify a volume type'))
        : each(sources.slice(1), (s) =>
            fail(fieldErrors.forbidden(path.child(s), 'may not specify more than 1 volume type')),
          ),
      optRecord(v.persistentVolumeClaim, path.child('persistentVolumeClaim'), (pvc) =>
        all(
          reqString(pvc.claimName, path.child('persistentVolumeClaim').child('claimName')),
          optBool(pvc.readOnly, path.child('persistentVolumeClaim').child('readOnly')),
        ),
      ),
      optRecord(v.hostPath, path.child('hostPath'), (hp) =>
        reqString(hp.path, path.child('hostPath').child('path')),
      ),
      optRecord(v.configMap, path.child('configMap'), (cm) =>
        optInt32(cm.defaultMode, path.child('configMap').child('defaultMode')),
      ),
      optRecord(v.secret, path.child('secret'), (sec) =>
        optInt32(sec.defaultMode, path.child('secret').child('defaultMode')),
      ),
      optRecord(v.emptyDir, path.child('emptyDir')),
    );
  });
}

/** Validates the volume list and returns the names later mounts may refer to. */
function validateVolumes(volumes: unknown, path: FieldPath): { check: Check; names: Set<string> } {
  const names = new Set<string>();
  const check = optArray(volumes, path, (list) =>
    each(list, (vol, i) => {
      const name = isRecord(vol) ? vol.name : undefined;
      const duplicate = typeof name === 'string' && name !== '' && names.has(name);
      if (typeof name === 'string') names.add(name);
      return all(
        validateVolume(vol, path.index(i)),
        duplicate ? fail(fieldErrors.duplicate(path.index(i).child('name'), name)) : ok,
      );
    }),
  );
  return { check, names };
}

function validateContainerPorts(ports: unknown, path: FieldPath): Check {
  const names = new Set<string>();
  return optArray(ports, path, (list) =>
    each(list, (port, i) =>
      optRecord(port, path.index(i), (p) => {
        const at = path.index(i);
        let nameCheck: Check = ok;
        if (typeof p.name === 'string' && p.name !== '') {
          const msgs = isValidPortName(p.name);
          if (msgs.length) nameCheck = messages(at.child('name'), p.name, msgs);
          else if (names.has(p.name)) nameCheck = fail(fieldErrors.duplicate(at.child('name'), p.name));
          else names.add(p.name);
        } else {
          nameCheck = optString(p.name, at.child('name'));
        }
        return all(
          nameCheck,
          isAbsent(p.containerPort) || p.containerPort === 0
            ? fail(fieldErrors.required(at.child('containerPort')))
            : optInt32(p.containerPort, at.child('containerPort'), (n) =>
                messages(at.child('containerPort'), n, isValidPortNum(n)),
              ),
          optInt32(p.hostPort, at.child('hostPort'), (n) =>
            n === 0 ? ok : messages(at.child('hostPort'), n, isValidPortNum(n)),
          ),
          oneOf(p.protocol, at.child('protocol'), PORT_PROTOCOLS),
          optString(p.hostIP, at.child('hostIP')),
        );
      }),
    ),
  );
}

function validateEnv(env: unknown, path: FieldPath): Check {
  return optArray(env, path, (list) =>
    each(list, (e, i) =>
      optRecord(e, path.index(i), (v) => {
        const at = path.index(i);
        return all(
          reqString(v.name, at.child('name'), (n) =>
            // Printable ASCII except '=' (RelaxedEnvironmentVariableValidation, on by default since 1.32).
            /^[\x20-\x3c\x3e-\x7e]+$/.test(n)
              ? ok
              : fail(
                  fieldErrors.invalid(
                    at.child('name'),
                    n,
                    "a valid environment variable name must consist only of printable ASCII characters other than '='",
                  ),
                ),
          ),
          optString(v.value, at.child('value')),
          optRecord(v.valueFrom, at.child('valueFrom'), (from) => {
            const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(
              (s) => !isAbsent(from[s]),
            );
            return all(
              sources.length === 0
                ? fail(
                    fieldErrors.invalid(
                      at.child('valueFrom'),
                      '',
                      'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
                    ),
                  )
                : sources.length > 1
                  ? fail(
                      fieldErrors.invalid(
                        at.child('valueFrom'),
                        '',
                        'may not have more than one field specified at a time',
                      ),
                    )
                  : ok,
              !isAbsent(from) && typeof v.value === 'string' && v.value !== ''
                ? fail(
                    fieldErrors.invalid(
                      at.child('valueFrom'),
                      '',
                      'may not be specified when `value` is not empty',
                    ),
                  )
                : ok,
              optRecord(from.fieldRef, at.child('valueFrom').child('fieldRef'), (f) =>
                reqString(f.fieldPath, at.child('valueFrom').child('fieldRef').child('fieldPath')),
              ),
            );
          }),
        );
      }),
    ),
  );
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: FieldPath): Check {
  const mountPaths = new Set<string>();
  return optArray(mounts, path, (list) =>
    each(list, (m, i) =>
      optRecord(m, path.index(i), (mnt) => {
        const at = path.index(i);
        const mountPath = mnt.mountPath;
        const duplicatePath = typeof mountPath === 'string' && mountPath !== '' && mountPaths.has(mountPath);
        if (typeof mountPath === 'string') mountPaths.add(mountPath);
        return all(
          reqString(mnt.name, at.child('name'), (n) =>
            volumes.has(n) ? ok : fail(fieldErrors.notFound(at.child('name'), n)),
          ),
          reqString(mnt.mountPath, at.child('mountPath')),
          duplicatePath ? fail(fieldErrors.invalid(at.child('mountPath'), mountPath, 'must be unique')) : ok,
          optBool(mnt.readOnly, at.child('readOnly')),
          optString(mnt.subPath, at.child('subPath')),
        );
      }),
    ),
  );
}

/** record[field] as an optional non-negative int32. */
function optNonNegativeInt32(record: JsonRecord, field: string, path: FieldPath): Check {
  const at = path.child(field);
  return optInt32(record[field], at, (n) => nonNegative(at, n));
}

function validateProbe(probe: unknown, path: FieldPath, liveness: boolean): Check {
  return optRecord(probe, path, (p) => {
    const handlers = PROBE_HANDLERS.filter((h) => !isAbsent(p[h]));
    return all(
      handlers.length === 0
        ? fail(fieldErrors.required(path, 'must specify a handler type'))
        : each(handlers.slice(1), (h) =>
            fail(fieldErrors.forbidden(path.child(h), 'may not specify more than 1 handler type')),
          ),
      optNonNegativeInt32(p, 'initialDelaySeconds', path),
      optNonNegativeInt32(p, 'timeoutSeconds', path),
      optNonNegativeInt32(p, 'periodSeconds', path),
      optNonNegativeInt32(p, 'successThreshold', path),
      optNonNegativeInt32(p, 'failureThreshold', path),
      optInt64(p.terminationGracePeriodSeconds, path.child('terminationGracePeriodSeconds')),
      liveness && p.successThreshold !== undefined && p.successThreshold !== 1
        ? fail(fieldErrors.invalid(path.child('successThreshold'), p.successThreshold, 'must be 1'))
        : ok,
      optRecord(p.httpGet, path.child('httpGet'), (h) =>
        all(
          validatePortNumOrName(h.port, path.child('httpGet').child('port')),
          oneOf(h.scheme, path.child('httpGet').child('scheme'), ['HTTP', 'HTTPS']),
          optString(h.path, path.child('httpGet').child('path')),
        ),
      ),
      optRecord(p.tcpSocket, path.child('tcpSocket'), (t) =>
        validatePortNumOrName(t.port, path.child('tcpSocket').child('port')),
      ),
      optRecord(p.exec, path.child('exec'), (e) =>
        optArray(e.command, path.child('exec').child('command'), (cmd) =>
          each(cmd, (c, i) => optString(c, path.child('exec').child('command').index(i))),
        ),
      ),
    );
  });
}

function stringList(v: unknown, path: FieldPath): Check {
  return optArray(v, path, (list) => each(list, (s, i) => optString(s, path.index(i))));
}

function validateContainer(c: JsonRecord, path: FieldPath, volumes: Set<string>, init: boolean): Check {
  return all(
    reqString(c.name, path.child('name'), (n) => messages(path.child('name'), n, isDNS1123Label(n))),
    reqString(c.image, path.child('image')),
    stringList(c.command, path.child('command')),
    stringList(c.args, path.child('args')),
    optString(c.workingDir, path.child('workingDir')),
    validateContainerPorts(c.ports, path.child('ports')),
    validateEnv(c.env, path.child('env')),
    optArray(c.envFrom, path.child('envFrom')),
    validateVolumeMounts(c.volumeMounts, volumes, path.child('volumeMounts')),
    validateResourceRequirements(c.resources, path.child('resources')),
    oneOf(c.imagePullPolicy, path.child('imagePullPolicy'), PULL_POLICIES),
    oneOf(c.terminationMessagePolicy, path.child('terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES),
    optString(c.terminationMessagePath, path.child('terminationMessagePath')),
    init && !isAbsent(c.readinessProbe) && c.restartPolicy !== 'Always'
      ? fail(
          fieldErrors.forbidden(
            path.child('readinessProbe'),
            'may not be set for init containers without restartPolicy=Always',
          ),
        )
      : validateProbe(c.readinessProbe, path.child('readinessProbe'), false),
    validateProbe(c.livenessProbe, path.child('livenessProbe'), true),
    validateProbe(c.startupProbe, path.child('startupProbe'), true),
    optRecord(c.securityContext, path.child('securityContext')),
    optBool(c.stdin, path.child('stdin')),
    optBool(c.tty, path.child('tty')),
  );
}

/** What the containers of one pod share: the volumes they mount, and names and host ports taken so far. */
interface ContainerScope {
  volumes: Set<string>;
  names: Set<string>;
  hostPorts: Set<string>;
}

/** A container port's host port, unless an earlier container of the pod already claimed it. */
function claimHostPort(port: unknown, container: FieldPath, i: number, scope: ContainerScope): Check {
  if (!isRecord(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) return ok;
  const key = `${port.hostPort}/${typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP'}`;
  if (scope.hostPorts.has(key)) {
    return fail(fieldErrors.duplicate(container.child('ports').index(i).child('hostPort'), key));
  }
  scope.hostPorts.add(key);
  return ok;
}

function validateContainerList(
  spec: JsonRecord,
  field: 'initContainers' | 'containers',
  path: FieldPath,
  scope: ContainerScope,
): Check {
  const listPath = path.child(field);
  return optArray(spec[field], listPath, (list) =>
    each(list, (c, i) => {
      const at = listPath.index(i);
      return optRecord(c, at, (ctr) => {
        const name = ctr.name;
        const dup = typeof name === 'string' && name !== '' && scope.names.has(name);
        if (typeof name === 'string') scope.names.add(name);
        return all(
          validateContainer(ctr, at, scope.volumes, field === 'initContainers'),
          dup ? fail(fieldErrors.duplicate(at.child('name'), name)) : ok,
          Array.isArray(ctr.ports) ? each(ctr.ports, (p, pi) => claimHostPort(p, at, pi, scope)) : ok,
        );
      });
    }),
  );
}

/** Containers and init containers share one name space; host ports must not collide across the pod. */
function validateAllContainers(spec: JsonRecord, path: FieldPath, volumes: Set<string>): Check {
  const scope: ContainerScope = { volumes, names: new Set(), hostPorts: new Set() };
  const containers = spec.containers;
  return all(
    validateContainerList(spec, 'initContainers', path, scope),
    (Array.isArray(containers) && containers.length === 0) || isAbsent(containers)
      ? fail(fieldErrors.required(path.child('containers')))
      : validateContainerList(spec, 'containers', path, scope),
  );
}

function validateTolerations(tolerations: unknown, path: FieldPath): Check {
  return optArray(tolerations, path, (list) =>
    each(list, (t, i) =>
      optRecord(t, path.index(i), (tol) => {
        const at = path.index(i);
        const key = typeof tol.key === 'string' ? tol.key : '';
        const operator = typeof tol.operator === 'string' ? tol.operator : '';
        const value = typeof tol.value === 'string' ? tol.value : '';
        let operatorCheck: Check;
        if (operator === '' || operator === 'Equal') {
          operatorCheck = messages(at.child('value'), value, isValidLabelValue(value));
        } else if (operator === 'Exists') {
          operatorCheck =
            value !== ''
              ? fail(
                  fieldErrors.invalid(
                    at.child('operator'),
                    tol,
                    "value must be empty when `operator` is 'Exists'",
                  ),
                )
              : ok;
        } else {
          operatorCheck = fail(fieldErrors.notSupported(at.child('operator'), operator, ['Equal', 'Exists']));
        }
        return all(
          optString(tol.key, at.child('key'), (k) =>
            k === '' ? ok : messages(at.child('key'), k, isQualifiedName(k)),
          ),
          optString(tol.operator, at.child('operator')),
          optString(tol.value, at.child('value')),
          key === '' && operator !== 'Exists'
            ? fail(
                fieldErrors.invalid(
                  at.child('operator'),
                  operator,
                  'operator must be Exists when `key` is empty, which means "match all values and all keys"',
                ),
              )
            : ok,
          optInt64(tol.tolerationSeconds, at.child('tolerationSeconds')),
          !isAbsent(tol.tolerationSeconds) && tol.effect !== 'NoExecute'
            ? fail(
                fieldErrors.invalid(
                  at.child('effect'),
                  tol.effect ?? '',
                  "effect must be 'NoExecute' when `tolerationSeconds` is set",
                ),
              )
            : ok,
          operatorCheck,
          oneOf(tol.effect, at.child('effect'), TAINT_EFFECTS),
        );
      }),
    ),
  );
}

function validateNodeSelectorRequirement(req: unknown, path: FieldPath, field: boolean): Check {
  return optRecord(req, path, (r) => {
    const values = Array.isArray(r.values) ? r.values : [];
    const op = r.operator;
    let valuesCheck: Check = ok;
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) {
        valuesCheck = fail(
          fieldErrors.required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"),
        );
      } else if (field && values.length !== 1) {
        valuesCheck = fail(
          fieldErrors.required(
            path.child('values'),
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          ),
        );
      }
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        valuesCheck = fail(
          fieldErrors.forbidden(
            path.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else if (op === 'Gt' || op === 'Lt') {
      if (values.length !== 1) {
        valuesCheck = fail(
          fieldErrors.required(
            path.child('values'),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        );
      }
    }
    const key = typeof r.key === 'string' ? r.key : '';
    return all(
      oneOf(op, path.child('operator'), field ? ['In', 'NotIn'] : NODE_SELECTOR_OPERATORS, true),
      valuesCheck,
      optArray(r.values, path.child('values'), (vs) =>
        each(vs, (v, i) => optString(v, path.child('values').index(i))),
      ),
      field
        ? key === 'metadata.name'
          ? ok
          : fail(fieldErrors.notSupported(path.child('key'), key, ['metadata.name']))
        : optString(r.key ?? '', path.child('key'), (k) =>
            messages(path.child('key'), k, isQualifiedName(k)),
          ),
    );
  });
}

function validateNodeSelectorTerm(term: unknown, path: FieldPath): Check {
  return optRecord(term, path, (t) =>
    all(
      optArray(t.matchExpressions, path.child('matchExpressions'), (list) =>
        each(list, (r, i) =>
          validateNodeSelectorRequirement(r, path.child('matchExpressions').index(i), false),
        ),
      ),
      optArray(t.matchFields, path.child('matchFields'), (list) =>
        each(list, (r, i) => validateNodeSelectorRequirement(r, path.child('matchFields').index(i), true)),
      ),
    ),
  );
}

function validatePodAffinityTerms(terms: unknown, path: FieldPath, weighted: boolean): Check {
  return optArray(terms, path, (list) =>
    each(list, (t, i) =>
      optRecord(t, path.index(i), (w) => {
        const at = path.index(i);
        const term = weighted ? w.podAffinityTerm : w;
        const termPath = weighted ? at.child('podAffinityTerm') : at;
        return all(
          weighted ? validateWeight(w.weight, at.child('weight')) : ok,
          optRecord(term, termPath, (pt) =>
            all(
              reqString(
                pt.topologyKey,
                termPath.child('topologyKey'),
                (k) => messages(termPath.child('topologyKey'), k, isQualifiedName(k)),
                'can not be empty',
              ),
              validateLabelSelector(pt.labelSelector, termPath.child('labelSelector')),
              validateLabelSelector(pt.namespaceSelector, termPath.child('namespaceSelector')),
              optArray(pt.namespaces, termPath.child('namespaces')),
            ),
          ),
        );
      }),
    ),
  );
}

function validateWeight(w: unknown, path: FieldPath): Check {
  return optInt32(w ?? 0, path, (n) =>
    n >= 1 && n <= 100 ? ok : fail(fieldErrors.invalid(path, n, 'must be in the range 1-100')),
  );
}

function validateAffinity(affinity: unknown, path: FieldPath): Check {
  return optRecord(affinity, path, (a) =>
    all(
      optRecord(a.nodeAffinity, path.child('nodeAffinity'), (na) => {
        const np = path.child('nodeAffinity');
        const required = np.child('requiredDuringSchedulingIgnoredDuringExecution');
        const preferred = np.child('preferredDuringSchedulingIgnoredDuringExecution');
        return all(
          optRecord(na.requiredDuringSchedulingIgnoredDuringExecution, required, (sel) => {
            const terms = sel.nodeSelectorTerms;
            return Array.isArray(terms) && terms.length > 0
              ? each(terms, (t, i) =>
                  validateNodeSelectorTerm(t, required.child('nodeSelectorTerms').index(i)),
                )
              : isAbsent(terms) || Array.isArray(terms)
                ? fail(
                    fieldErrors.required(
                      required.child('nodeSelectorTerms'),
                      'must have at least one node selector term',
                    ),
                  )
                : optArray(terms, required.child('nodeSelectorTerms'));
          }),
          optArray(na.preferredDuringSchedulingIgnoredDuringExecution, preferred, (list) =>
            each(list, (p, i) =>
              optRecord(p, preferred.index(i), (pref) =>
                all(
                  validateWeight(pref.weight, preferred.index(i).child('weight')),
                  isAbsent(pref.preference)
                    ? fail(fieldErrors.required(preferred.index(i).child('preference')))
                    : validateNodeSelectorTerm(pref.preference, preferred.index(i).child('preference')),
                ),
              ),
            ),
          ),
        );
      }),
      ...['podAffinity', 'podAntiAffinity'].map((kind) =>
        optRecord(a[kind], path.child(kind), (pa) =>
          all(
            validatePodAffinityTerms(
              pa.requiredDuringSchedulingIgnoredDuringExecution,
              path.child(kind).child('requiredDuringSchedulingIgnoredDuringExecution'),
              false,
            ),
            validatePodAffinityTerms(
              pa.preferredDuringSchedulingIgnoredDuringExecution,
              path.child(kind).child('preferredDuringSchedulingIgnoredDuringExecution'),
              true,
            ),
          ),
        ),
      ),
    ),
  );
}

export interface PodSpecRules {
  /** Restart policies the owner allows; workload templates allow only Always. */
  restartPolicies?: readonly string[];
  /** ReplicaSets and Deployments forbid activeDeadlineSeconds in their templates. */
  forbidActiveDeadline?: string;
  /**
   * StatefulSets: Kubernetes leaves the template's pod spec to pod creation (its mounts name claim templates that
   * are not volumes yet), checking only the restart policy and deadline up front.
   */
  podSpecDeferred?: boolean;
}

/** The owner's say over how its pods end: allowed restart policies and activeDeadlineSeconds. */
function validateRestartAndDeadline(s: JsonRecord, path: FieldPath, rules: PodSpecRules): Check {
  const restartPolicies = rules.restartPolicies ?? RESTART_POLICIES;
  return all(
    optString(s.restartPolicy, path.child('restartPolicy'), (p) =>
      p === '' || restartPolicies.includes(p)
        ? ok
        : fail(fieldErrors.notSupported(path.child('restartPolicy'), p, restartPolicies)),
    ),
    optInt64(s.activeDeadlineSeconds, path.child('activeDeadlineSeconds'), (n) =>
      rules.forbidActiveDeadline
        ? fail(fieldErrors.forbidden(path.child('activeDeadlineSeconds'), rules.forbidActiveDeadline))
        : n >= 1 && n <= 2147483647
          ? ok
          : fail(
              fieldErrors.invalid(path.child('activeDeadlineSeconds'), n, inclusiveRangeError(1, 2147483647)),
            ),
    ),
  );
}

export function validatePodSpec(spec: unknown, path: FieldPath, rules: PodSpecRules = {}): Check {
  if (isAbsent(spec)) return fail(fieldErrors.required(path.child('containers')));
  return optRecord(spec, path, (s) => {
    const volumes = validateVolumes(s.volumes, path.child('volumes'));
    return all(
      volumes.check,
      validateAllContainers(s, path, volumes.names),
      validateRestartAndDeadline(s, path, rules),
      oneOf(s.dnsPolicy, path.child('dnsPolicy'), DNS_POLICIES),
      validateLabels(s.nodeSelector, path.child('nodeSelector')),
      optString(s.nodeName, path.child('nodeName'), (n) =>
        n === '' ? ok : messages(path.child('nodeName'), n, isDNS1123Subdomain(n)),
      ),
      optString(s.serviceAccountName, path.child('serviceAccountName'), (n) =>
        n === '' ? ok : messages(path.child('serviceAccountName'), n, isDNS1123Subdomain(n)),
      ),
      optString(s.hostname, path.child('hostname'), (n) =>
        n === '' ? ok : messages(path.child('hostname'), n, isDNS1123Label(n)),
      ),
      optString(s.subdomain, path.child('subdomain'), (n) =>
        n === '' ? ok : messages(path.child('subdomain'), n, isDNS1123Label(n)),
      ),
      optString(s.schedulerName, path.child('schedulerName')),
      optString(s.priorityClassName, path.child('priorityClassName')),
      optInt32(s.priority, path.child('priority')),
      optInt64(s.terminationGracePeriodSeconds, path.child('terminationGracePeriodSeconds')),
      optBool(s.hostNetwork, path.child('hostNetwork')),
      optBool(s.hostPID, path.child('hostPID')),
      optBool(s.hostIPC, path.child('hostIPC')),
      optBool(s.enableServiceLinks, path.child('enableServiceLinks')),
      optRecord(s.securityContext, path.child('securityContext')),
      validateTolerations(s.tolerations, path.child('tolerations')),
      validateAffinity(s.affinity, path.child('affinity')),
    );
  });
}

/** A pod template: its metadata carries labels and annotations only; its spec follows the pod rules. */
export function validatePodTemplateSpec(template: unknown, path: FieldPath, rules: PodSpecRules = {}): Check {
  return optRecord(template, path, (t) =>
    all(
      optRecord(t.metadata, path.child('metadata'), (m) =>
        all(
          validateLabels(m.labels, path.child('metadata').child('labels')),
          validateAnnotations(m.annotations, path.child('metadata').child('annotations')),
        ),
      ),
      rules.podSpecDeferred
        ? optRecord(t.spec, path.child('spec'), (spec) =>
            validateRestartAndDeadline(spec, path.child('spec'), rules),
          )
        : validatePodSpec(t.spec, path.child('spec'), rules),
    ),
  );
}
