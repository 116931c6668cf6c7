// Subresources other than status: scale, pods/binding, pods/eviction and pods/log.
import { StatusError, statusErrors } from '@kubesim/api';
import { decodeObjectBody, isPlainObject, readBody } from './body.js';
import type { ResourceCall } from './context.js';
import { servePodLog } from './pod-log.js';
import { deleteOptionsOf, storeWriteOptions, writeOptionsOf } from './request-options.js';
import { sendJson } from './respond.js';
import { serveScale } from './scale.js';

const success = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

function notAllowed(): never {
  throw new StatusError(
    statusErrors.methodNotAllowed('the server does not allow this method on the requested resource'),
  );
}

/** POST pods/NAME/binding: the scheduler's way to set spec.nodeName, once. */
async function bindPod(call: ResourceCall): Promise<void> {
  const name = call.target.name ?? '';
  const body = decodeObjectBody(await readBody(call.req), call.req.headers['content-type']);
  const target = isPlainObject(body) && isPlainObject(body.target) ? body.target : undefined;
  const node = target?.name;
  if (typeof node !== 'string' || node === '') {
    throw new StatusError(
      statusErrors.invalid('Binding', '', name, [
        { reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' },
      ]),
    );
  }
  await call.api.store.guaranteedUpdate(
    'Pod',
    call.target.namespace ?? '',
    name,
    (pod) => {
      if (pod.metadata.deletionTimestamp) {
        throw new StatusError(
          statusErrors.conflict(call.target.info, name, 'pod is being deleted, cannot be assigned to a host'),
        );
      }
      if (pod.spec?.nodeName) {
        throw new StatusError(
          statusErrors.conflict(
            call.target.info,
            name,
            `pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
          ),
        );
      }
      return { ...pod, spec: { ...pod.spec, nodeName: node } };
    },
    storeWriteOptions(writeOptionsOf(call, 'create')),
  );
  sendJson(call.res, 201, success);
}

/** POST pods/NAME/eviction (policy/v1 Eviction): a delete with the eviction's DeleteOptions. */
async function evictPod(call: ResourceCall): Promise<void> {
  const raw = await readBody(call.req);
  const body = raw.length ? decodeObjectBody(raw, call.req.headers['content-type']) : {};
  const options = isPlainObject(body) ? body.deleteOptions : undefined;
  await call.api.store.delete(
    'Pod',
    call.target.namespace ?? '',
    call.target.name ?? '',
    deleteOptionsOf(call, options ?? undefined),
  );
  sendJson(call.res, 201, success);
}

export async function serveSubresource(call: ResourceCall): Promise<void> {
  const { subresource, info } = call.target;
  const method = call.req.method;
  if (subresource === 'scale') return serveScale(call);
  if (info.kind === 'Pod' && subresource === 'binding')
    return method === 'POST' ? bindPod(call) : notAllowed();
  if (info.kind === 'Pod' && subresource === 'eviction')
    return method === 'POST' ? evictPod(call) : notAllowed();
  if (info.kind === 'Pod' && subresource === 'log')
    return method === 'GET' ? servePodLog(call) : notAllowed();
  throw new StatusError(
    statusErrors.notFound(
      { group: info.group, resource: `${info.resource}/${subresource}` },
      call.target.name ?? '',
    ),
  );
}
