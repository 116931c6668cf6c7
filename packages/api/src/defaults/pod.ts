// core/v1 pod defaulting (pkg/apis/core/v1/defaults.go): pod spec, containers, ports, probes, volumes, env; the
// same for every pod template, so ControllerRevision data and templates match what a real server stores.
import type { JsonRecord } from '../json.js';
import { VOLUME_SOURCES } from '../volume-sources.js';
import { defaultPullPolicy } from './image.js';
import { ensureRecord, recordAt, recordsAt, setDefault } from './set.js';

/** 0644, the mode projected files get unless told otherwise. */
const DEFAULT_FILE_MODE = 420;

function defaultProbe(probe: JsonRecord | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  const httpGet = recordAt(probe, 'httpGet');
  if (httpGet) {
    setDefault(httpGet, 'path', '/');
    setDefault(httpGet, 'scheme', 'HTTP');
  }
  // A grpc probe names the health service only when asked; no default here.
}

function defaultLifecycleHandler(handler: JsonRecord | undefined): void {
  const httpGet = recordAt(handler, 'httpGet');
  if (httpGet) {
    setDefault(httpGet, 'path', '/');
    setDefault(httpGet, 'scheme', 'HTTP');
  }
}

function defaultEnv(container: JsonRecord): void {
  for (const env of recordsAt(container, 'env')) {
    const fieldRef = recordAt(recordAt(env, 'valueFrom'), 'fieldRef');
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

function defaultContainer(c: JsonRecord, hostNetwork: boolean): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  }
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  // Go always serializes the (struct-valued) resources field, so it reads back as {}.
  setDefault(c, 'resources', {});
  for (const port of recordsAt(c, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (hostNetwork && (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0)) {
      port.hostPort = port.containerPort;
    }
  }
  defaultProbe(recordAt(c, 'livenessProbe'));
  defaultProbe(recordAt(c, 'readinessProbe'));
  defaultProbe(recordAt(c, 'startupProbe'));
  const lifecycle = recordAt(c, 'lifecycle');
  defaultLifecycleHandler(recordAt(lifecycle, 'postStart'));
  defaultLifecycleHandler(recordAt(lifecycle, 'preStop'));
  defaultEnv(c);
}

function defaultVolume(v: JsonRecord): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const s = recordAt(v, source);
    if (s) setDefault(s, 'defaultMode', DEFAULT_FILE_MODE);
  }
  const dapi = recordAt(v, 'downwardAPI');
  for (const item of recordsAt(dapi, 'items')) {
    const fieldRef = recordAt(item, 'fieldRef');
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

/** SetDefaults_PodSpec and everything nested in it; applies to pods and pod templates alike. */
export function defaultPodSpec(spec: JsonRecord): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  const hostNetwork = spec.hostNetwork === true;
  for (const c of [...recordsAt(spec, 'initContainers'), ...recordsAt(spec, 'containers')]) {
    defaultContainer(c, hostNetwork);
  }
  for (const c of recordsAt(spec, 'ephemeralContainers')) {
    setDefault(c, 'terminationMessagePath', '/dev/termination-log');
    setDefault(c, 'terminationMessagePolicy', 'File');
    if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  }
  for (const v of recordsAt(spec, 'volumes')) defaultVolume(v);
}

/** A pod template: its spec is defaulted like a pod's; a missing spec is left for validation to reject. */
export function defaultPodTemplate(template: JsonRecord | undefined): void {
  const spec = recordAt(template, 'spec');
  if (spec) defaultPodSpec(spec);
}

/**
 * SetDefaults_Pod, on top of the spec defaults: pods (not templates) get enableServiceLinks, and a container's
 * limits stand in for requests it does not state.
 */
export function defaultPod(pod: JsonRecord): void {
  const spec = recordAt(pod, 'spec');
  if (!spec) return;
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  for (const c of [...recordsAt(spec, 'initContainers'), ...recordsAt(spec, 'containers')]) {
    const resources = recordAt(c, 'resources');
    const limits = recordAt(resources, 'limits');
    if (!resources || !limits || Object.keys(limits).length === 0) continue;
    const requests = ensureRecord(resources, 'requests');
    if (!requests) continue;
    for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
  }
  // A new pod starts Pending (the pod strategy's PrepareForCreate); the node agent moves it on.
  const status = ensureRecord(pod, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
}
