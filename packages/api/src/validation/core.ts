// core/v1 rules for Namespace, Pod, Node, Service, Endpoints, ConfigMap and Event, plus coordination/v1 Lease.
import { isIP } from 'node:net';
import { deepEqual, deepEqualExcept, isRecord, type JsonRecord } from '../json.js';
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
  optRecord,
  optString,
  optStringMap,
  reqString,
} from './check.js';
import { fieldErrors } from './field-error.js';
import {
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortNum,
} from './formats.js';
import { validateLabels } from './object-meta.js';
import { FieldPath } from './path.js';
import { PORT_PROTOCOLS, validatePodSpec, validatePortNumOrName } from './pod.js';
import { validateResourceList } from './resources.js';

const spec = FieldPath.root('spec');

export function validateNamespace(obj: JsonRecord): Check {
  return all(
    optRecord(obj.spec, spec, (s) =>
      optArray(s.finalizers, spec.child('finalizers'), (list) =>
        each(list, (f, i) =>
          optString(f, spec.child('finalizers').index(i), (n) =>
            messages(spec.child('finalizers'), n, isQualifiedName(n)),
          ),
        ),
      ),
    ),
    optRecord(obj.status, FieldPath.root('status'), (st) =>
      oneOf(st.phase, FieldPath.root('status').child('phase'), ['Active', 'Terminating']),
    ),
  );
}

export function validatePod(obj: JsonRecord): Check {
  return all(
    validatePodSpec(obj.spec, spec),
    optRecord(obj.status, FieldPath.root('status'), (st) =>
      all(
        oneOf(st.phase, FieldPath.root('status').child('phase'), [
          'Pending',
          'Running',
          'Succeeded',
          'Failed',
          'Unknown',
        ]),
        optArray(st.conditions, FieldPath.root('status').child('conditions')),
        optArray(st.containerStatuses, FieldPath.root('status').child('containerStatuses')),
      ),
    ),
  );
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Pod spec members an update may change, each compared by its own rule below. */
const POD_SPEC_UPDATABLE = new Set([
  'containers',
  'initContainers',
  'activeDeadlineSeconds',
  'nodeName',
  'tolerations',
]);
const CONTAINER_UPDATABLE = new Set(['image']);

/** Container lists equal but for images. */
function sameButImages(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return deepEqual(a, b);
  return a.every((c, i) => {
    const old = b[i];
    return isRecord(c) && isRecord(old) ? deepEqualExcept(c, old, CONTAINER_UPDATABLE) : deepEqual(c, old);
  });
}

/**
 * A pod's spec is fixed except images, activeDeadlineSeconds and added tolerations. Binding (setting nodeName
 * once) is also allowed here because kubesim's scheduler binds through an ordinary write.
 */
export function validatePodUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const s = obj.spec;
  const oldSpec = old.spec;
  let same: boolean;
  if (!isRecord(s) || !isRecord(oldSpec)) {
    same = deepEqual(s, oldSpec);
  } else {
    const oldTolerations = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
    const tolerations = Array.isArray(s.tolerations) ? s.tolerations : [];
    same =
      deepEqualExcept(s, oldSpec, POD_SPEC_UPDATABLE) &&
      sameButImages(s.containers, oldSpec.containers) &&
      sameButImages(s.initContainers, oldSpec.initContainers) &&
      (!oldSpec.nodeName || deepEqual(s.nodeName, oldSpec.nodeName)) &&
      (oldTolerations.every((t) => tolerations.some((n) => deepEqual(n, t))) ||
        deepEqual(s.tolerations, oldSpec.tolerations));
  }
  return same ? ok : fail(fieldErrors.forbidden(spec, POD_UPDATE_FORBIDDEN));
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(obj: JsonRecord): Check {
  const taints = spec.child('taints');
  const status = FieldPath.root('status');
  return all(
    optRecord(obj.spec, spec, (s) =>
      all(
        optBool(s.unschedulable, spec.child('unschedulable')),
        optString(s.podCIDR, spec.child('podCIDR')),
        optString(s.providerID, spec.child('providerID')),
        optArray(s.taints, taints, (list) => {
          const seen = new Set<string>();
          return each(list, (t, i) =>
            optRecord(t, taints.index(i), (taint) => {
              const at = taints.index(i);
              const id = `${taint.key}:${taint.effect}`;
              const dup = seen.has(id);
              seen.add(id);
              return all(
                optString(taint.key ?? '', at.child('key'), (k) =>
                  messages(at.child('key'), k, isQualifiedName(k)),
                ),
                optString(taint.value, at.child('value'), (v) =>
                  messages(at.child('value'), v, isValidLabelValue(v)),
                ),
                oneOf(taint.effect, at.child('effect'), TAINT_EFFECTS, true),
                optString(taint.timeAdded, at.child('timeAdded')),
                dup ? fail(fieldErrors.duplicate(at, { key: taint.key, effect: taint.effect })) : ok,
              );
            }),
          );
        }),
      ),
    ),
    optRecord(obj.status, status, (st) =>
      all(
        validateResourceList(st.capacity, status.child('capacity')).check,
        validateResourceList(st.allocatable, status.child('allocatable')).check,
        optArray(st.conditions, status.child('conditions')),
        optArray(st.addresses, status.child('addresses')),
      ),
    ),
  );
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function validateClusterIP(ip: unknown, path: FieldPath): Check {
  return optString(ip, path, (s) =>
    s === '' || s === 'None' || isIP(s) !== 0
      ? ok
      : fail(fieldErrors.invalid(path, s, "must be empty, 'None', or a valid IP address")),
  );
}

export function validateService(obj: JsonRecord): Check {
  if (isAbsent(obj.spec)) return fail(fieldErrors.required(spec.child('ports')));
  return optRecord(obj.spec, spec, (s) => {
    const headless = s.clusterIP === 'None';
    const type = typeof s.type === 'string' && s.type !== '' ? s.type : 'ClusterIP';
    const ports = Array.isArray(s.ports) ? s.ports : [];
    const names = new Set<string>();
    const keys = new Set<string>();
    const portsPath = spec.child('ports');
    return all(
      oneOf(s.type, spec.child('type'), SERVICE_TYPES),
      oneOf(s.sessionAffinity, spec.child('sessionAffinity'), ['ClientIP', 'None']),
      validateClusterIP(s.clusterIP, spec.child('clusterIP')),
      optArray(s.clusterIPs, spec.child('clusterIPs'), (ips) =>
        each(ips, (ip, i) => validateClusterIP(ip, spec.child('clusterIPs').index(i))),
      ),
      validateLabels(s.selector, spec.child('selector')),
      type === 'ExternalName'
        ? reqString(s.externalName, spec.child('externalName'), (n) =>
            messages(spec.child('externalName'), n, isDNS1123Subdomain(n.replace(/\.$/, ''))),
          )
        : ok,
      ports.length === 0 && !headless && type !== 'ExternalName'
        ? isAbsent(s.ports) || Array.isArray(s.ports)
          ? fail(fieldErrors.required(portsPath))
          : optArray(s.ports, portsPath)
        : each(ports, (p, i) =>
            optRecord(p, portsPath.index(i), (port) => {
              const at = portsPath.index(i);
              const name = port.name;
              let nameCheck: Check = ok;
              if (ports.length > 1 && (isAbsent(name) || name === '')) {
                nameCheck = fail(fieldErrors.required(at.child('name')));
              } else if (typeof name === 'string' && name !== '') {
                nameCheck = all(
                  messages(at.child('name'), name, isDNS1123Label(name)),
                  names.has(name) ? fail(fieldErrors.duplicate(at.child('name'), name)) : ok,
                );
                names.add(name);
              } else {
                nameCheck = optString(name, at.child('name'));
              }
              const key = `${port.port}/${port.protocol ?? 'TCP'}`;
              const dupKey = keys.has(key);
              keys.add(key);
              return all(
                nameCheck,
                isInt32(port.port)
                  ? messages(at.child('port'), port.port, isValidPortNum(port.port))
                  : fail(
                      fieldErrors.invalid(
                        at.child('port'),
                        port.port ?? 0,
                        isAbsent(port.port) ? isValidPortNum(0)[0] : 'must be of type int32',
                      ),
                    ),
                oneOf(port.protocol, at.child('protocol'), PORT_PROTOCOLS),
                isAbsent(port.targetPort) || port.targetPort === 0 || port.targetPort === ''
                  ? ok
                  : validatePortNumOrName(port.targetPort, at.child('targetPort')),
                optInt32(port.nodePort, at.child('nodePort'), (n) =>
                  n === 0
                    ? ok
                    : type === 'ClusterIP'
                      ? fail(
                          fieldErrors.forbidden(
                            at.child('nodePort'),
                            "may not be used when `type` is 'ClusterIP'",
                          ),
                        )
                      : messages(at.child('nodePort'), n, isValidPortNum(n)),
                ),
                dupKey
                  ? fail(fieldErrors.duplicate(at, { port: port.port, protocol: port.protocol ?? 'TCP' }))
                  : ok,
              );
            }),
          ),
      optBool(s.publishNotReadyAddresses, spec.child('publishNotReadyAddresses')),
    );
  });
}

/** The cluster IP, once allocated, stays (except for ExternalName services, which have none). */
export function validateServiceUpdate(obj: JsonRecord, old: JsonRecord): Check {
  const ip = isRecord(obj.spec) ? obj.spec.clusterIP : undefined;
  const oldIp = isRecord(old.spec) ? old.spec.clusterIP : undefined;
  const oldType = isRecord(old.spec) ? old.spec.type : undefined;
  if (oldType === 'ExternalName' || !oldIp || !ip || ip === oldIp) return ok;
  return fail(fieldErrors.invalid(spec.child('clusterIP'), ip, 'field is immutable'));
}

export function validateEndpoints(obj: JsonRecord): Check {
  const subsets = FieldPath.root('subsets');
  return optArray(obj.subsets, subsets, (list) =>
    each(list, (ss, i) =>
      optRecord(ss, subsets.index(i), (subset) => {
        const at = subsets.index(i);
        const addresses = (field: string) =>
          optArray(subset[field], at.child(field), (addrs) =>
            // A null item decodes to an empty address in Go, which then lacks its required ip.
            each(addrs, (a, j) =>
              optRecord(a ?? {}, at.child(field).index(j), (addr) =>
                all(
                  reqString(addr.ip, at.child(field).index(j).child('ip'), (ip) =>
                    isIP(ip) !== 0
                      ? ok
                      : fail(
                          fieldErrors.invalid(
                            at.child(field).index(j).child('ip'),
                            ip,
                            'must be a valid IP address',
                          ),
                        ),
                  ),
                  optString(addr.nodeName, at.child(field).index(j).child('nodeName')),
                  optString(addr.hostname, at.child(field).index(j).child('hostname'), (h) =>
                    h === ''
                      ? ok
                      : messages(at.child(field).index(j).child('hostname'), h, isDNS1123Label(h)),
                  ),
                  optRecord(addr.targetRef, at.child(field).index(j).child('targetRef')),
                ),
              ),
            ),
          );
        const ports = Array.isArray(subset.ports) ? subset.ports : [];
        return all(
          addresses('addresses'),
          addresses('notReadyAddresses'),
          optArray(subset.ports, at.child('ports'), () =>
            each(ports, (p, j) =>
              optRecord(p, at.child('ports').index(j), (port) => {
                const pp = at.child('ports').index(j);
                return all(
                  ports.length > 1 && (isAbsent(port.name) || port.name === '')
                    ? fail(fieldErrors.required(pp.child('name')))
                    : optString(port.name, pp.child('name'), (n) =>
                        n === '' ? ok : messages(pp.child('name'), n, isDNS1123Label(n)),
                      ),
                  isInt32(port.port)
                    ? messages(pp.child('port'), port.port, isValidPortNum(port.port))
                    : fail(
                        fieldErrors.invalid(
                          pp.child('port'),
                          port.port ?? 0,
                          'must be between 1 and 65535, inclusive',
                        ),
                      ),
                  oneOf(port.protocol, pp.child('protocol'), PORT_PROTOCOLS),
                );
              }),
            ),
          ),
        );
      }),
    ),
  );
}

const MAX_CONFIGMAP_BYTES = 1024 * 1024;

export function validateConfigMap(obj: JsonRecord): Check {
  const data = FieldPath.root('data');
  const binary = FieldPath.root('binaryData');
  const binaryKeys = isRecord(obj.binaryData) ? Object.keys(obj.binaryData) : [];
  let size = 0;
  return all(
    optStringMap(obj.data, data, (m) =>
      each(Object.entries(m), ([k, v]) => {
        size += Buffer.byteLength(k) + Buffer.byteLength(v);
        return all(
          messages(data.key(k), k, isConfigMapKey(k)),
          binaryKeys.includes(k)
            ? fail(fieldErrors.invalid(data.key(k), k, 'duplicate of key present in binaryData'))
            : ok,
        );
      }),
    ),
    optStringMap(obj.binaryData, binary, (m) =>
      each(Object.entries(m), ([k, v]) => {
        size += Buffer.byteLength(k) + Math.floor((v.length * 3) / 4);
        return messages(binary.key(k), k, isConfigMapKey(k));
      }),
    ),
    optBool(obj.immutable, FieldPath.root('immutable')),
    size > MAX_CONFIGMAP_BYTES ? fail(fieldErrors.tooLong(FieldPath.root(''), MAX_CONFIGMAP_BYTES)) : ok,
  );
}

/** An immutable ConfigMap keeps its data and stays immutable. */
export function validateConfigMapUpdate(obj: JsonRecord, old: JsonRecord): Check {
  if (old.immutable !== true) return ok;
  const detail = 'field is immutable when `immutable` is set';
  return all(
    obj.immutable === true ? ok : fail(fieldErrors.forbidden(FieldPath.root('immutable'), detail)),
    deepEqual(obj.data, old.data) ? ok : fail(fieldErrors.forbidden(FieldPath.root('data'), detail)),
    deepEqual(obj.binaryData, old.binaryData)
      ? ok
      : fail(fieldErrors.forbidden(FieldPath.root('binaryData'), detail)),
  );
}

export function validateEvent(obj: JsonRecord): Check {
  const involved = FieldPath.root('involvedObject');
  const ns = isRecord(obj.metadata) ? obj.metadata.namespace : undefined;
  return all(
    optRecord(obj.involvedObject, involved, (io) =>
      all(
        ...['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) =>
          optString(io[f], involved.child(f)),
        ),
        typeof io.namespace === 'string' && io.namespace !== '' && io.namespace !== ns
          ? fail(
              fieldErrors.invalid(
                involved.child('namespace'),
                io.namespace,
                'does not match event.namespace',
              ),
            )
          : ok,
      ),
    ),
    ...[
      'reason',
      'message',
      'type',
      'firstTimestamp',
      'lastTimestamp',
      'eventTime',
      'reportingComponent',
      'reportingInstance',
      'action',
    ].map((f) => optString(obj[f], FieldPath.root(f))),
    optInt32(obj.count, FieldPath.root('count'), (n) => nonNegative(FieldPath.root('count'), n)),
    optRecord(obj.source, FieldPath.root('source')),
    optRecord(obj.related, FieldPath.root('related')),
  );
}

export function validateLease(obj: JsonRecord): Check {
  return optRecord(obj.spec, spec, (s) =>
    all(
      optString(s.holderIdentity, spec.child('holderIdentity')),
      optInt32(s.leaseDurationSeconds, spec.child('leaseDurationSeconds'), (n) =>
        n <= 0
          ? fail(fieldErrors.invalid(spec.child('leaseDurationSeconds'), n, 'must be greater than 0'))
          : ok,
      ),
      optInt32(s.leaseTransitions, spec.child('leaseTransitions'), (n) =>
        nonNegative(spec.child('leaseTransitions'), n),
      ),
      optString(s.acquireTime, spec.child('acquireTime')),
      optString(s.renewTime, spec.child('renewTime')),
    ),
  );
}
