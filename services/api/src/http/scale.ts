// The autoscaling/v1 scale subresource of Deployments, ReplicaSets and StatefulSets: what `kubectl scale`
// reads and merge-patches. Writing it sets the parent's spec.replicas (bumping its generation).
import { type KubeObject, StatusError, statusErrors } from '@kubesim/api';
import { applyPatch } from '../patch/index.js';
import { decodeObjectBody, isPlainObject, readBody } from './body.js';
import type { ResourceCall } from './context.js';
import { OBJECT_MODIFIED, unwrap } from './errors.js';
import { storeWriteOptions, writeOptionsOf } from './request-options.js';
import { sendJson } from './respond.js';
import { labelSelectorString } from './selection.js';

export interface Scale extends KubeObject {
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

export function scaleOf(parent: KubeObject): Scale {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = parent.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: parent.spec?.replicas ?? 0 },
    status: { replicas: parent.status?.replicas ?? 0, selector: labelSelectorString(parent.spec?.selector) },
  };
}

function replicasOf(scale: unknown, name: string): number {
  const replicas = isPlainObject(scale) && isPlainObject(scale.spec) ? scale.spec.replicas : undefined;
  if (!Number.isInteger(replicas) || (replicas as number) < 0) {
    throw new StatusError(
      statusErrors.invalid('Scale', 'autoscaling', name, [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.replicas',
          message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
        },
      ]),
    );
  }
  return replicas as number;
}

export async function serveScale(call: ResourceCall): Promise<void> {
  const { info } = call.target;
  const name = call.target.name ?? '';
  const namespace = call.target.namespace ?? '';
  const method = call.req.method;
  if (!info.scaleSubresource) throw new StatusError(statusErrors.notFound(info, name));
  if (method === 'GET') {
    const parent = await call.api.store.get(info.kind, namespace, name);
    if (!parent) throw new StatusError(statusErrors.notFound(info, name));
    return sendJson(call.res, 200, scaleOf(parent));
  }
  if (method !== 'PUT' && method !== 'PATCH') {
    throw new StatusError(
      statusErrors.methodNotAllowed('the server does not allow this method on the requested resource'),
    );
  }
  const contentType = call.req.headers['content-type'];
  const body = await readBody(call.req);
  const updated = await call.api.store.guaranteedUpdate(
    info.kind,
    namespace,
    name,
    (current) => {
      const before = scaleOf(current);
      const after =
        method === 'PUT'
          ? decodeObjectBody(body, contentType)
          : unwrap(applyPatch('Scale', before, contentType, body));
      const rv =
        isPlainObject(after) && isPlainObject(after.metadata) ? after.metadata.resourceVersion : undefined;
      if (rv && rv !== current.metadata.resourceVersion) {
        throw new StatusError(statusErrors.conflict(info, name, OBJECT_MODIFIED));
      }
      const replicas = replicasOf(after, name);
      if (replicas === current.spec?.replicas) return undefined;
      return { ...current, spec: { ...current.spec, replicas } };
    },
    storeWriteOptions(writeOptionsOf(call, method === 'PUT' ? 'update' : 'patch')),
  );
  sendJson(call.res, 200, scaleOf(updated));
}
