// The object verbs: get, list, create, update, patch, delete and deletecollection on a resource or its
// status subresource. Every write goes through the store, which defaults, validates and logs it.
import { apiVersionOf, isStatusError, type KubeObject, StatusError, statusErrors } from '@kubesim/api';
import { applyPatch, patchTypeOf } from '../patch/index.js';
import { admitCreate, admitUpdate } from './admission.js';
import { decodeObjectBody, readBody } from './body.js';
import type { ResourceCall } from './context.js';
import { OBJECT_MODIFIED, unwrap } from './errors.js';
import { listKey } from './list-pages.js';
import { deleteNamespaceContents } from './namespace-deletion.js';
import { asKubeObject } from './object-checks.js';
import { byKey, decodeContinue, listDecoder, sendObject, sendObjectList } from './render.js';
import {
  checkFields,
  deleteOptionsOf,
  listOptionsOf,
  storeWriteOptions,
  writeOptionsOf,
} from './request-options.js';
import { sendJson } from './respond.js';
import { listed, parsed, selected } from './stored-list.js';

const ns = (call: ResourceCall) => call.target.namespace ?? '';

function requireName(call: ResourceCall): string {
  const name = call.target.name;
  if (!name)
    throw new StatusError(
      statusErrors.methodNotAllowed('the server does not allow this method on the requested resource'),
    );
  return name;
}

function listScope(call: ResourceCall): { namespace?: string } {
  return call.target.info.namespaced && call.target.namespace ? { namespace: call.target.namespace } : {};
}

export async function getObject(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const obj = await call.api.store.get(call.target.info.kind, ns(call), name);
  if (!obj) throw new StatusError(statusErrors.notFound(call.target.info, name));
  sendObject(call, 200, obj);
}

export async function listObjects(call: ResourceCall): Promise<void> {
  const opts = listOptionsOf(call);
  const from = opts.continue ? decodeContinue(opts.continue) : undefined;
  const keptAs = (revision: number) =>
    listKey({
      kind: call.target.info.kind,
      namespace: listScope(call).namespace,
      labelSelector: call.query.get('labelSelector') ?? '',
      fieldSelector: call.query.get('fieldSelector') ?? '',
      revision,
    });
  // A later page comes from the list its first page kept, as it was at that page's revision.
  const kept = from && call.api.listPages.get(keptAs(from.rv));
  if (kept) return sendObjectList(call, kept, from.rv, { limit: opts.limit, from });
  const { items, revision } = await call.api.store.list(call.target.info.kind, {
    ...listScope(call),
    decode: listDecoder(call, opts),
  });
  const sorted = selected(items, opts).sort(byKey);
  if (!from && opts.limit && sorted.length > opts.limit) call.api.listPages.keep(keptAs(revision), sorted);
  await sendObjectList(call, sorted, revision, { limit: opts.limit, from });
}

export async function createObject(call: ResourceCall): Promise<void> {
  const opts = writeOptionsOf(call, 'create');
  const body = decodeObjectBody(await readBody(call.req), call.req.headers['content-type']);
  const warnings = checkFields(call.target.info.kind, body, opts);
  const obj = asKubeObject(body, call.target);
  await admitCreate(call.api.store, obj);
  sendObject(call, 201, await call.api.store.create(obj, storeWriteOptions(opts)), warnings);
}

export async function updateObject(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const opts = writeOptionsOf(call, 'update');
  const body = decodeObjectBody(await readBody(call.req), call.req.headers['content-type']);
  const warnings = checkFields(call.target.info.kind, body, opts);
  const obj = asKubeObject(body, call.target);
  const { store } = call.api;
  const old = await store.get(call.target.info.kind, ns(call), name);
  if (!old) throw new StatusError(statusErrors.notFound(call.target.info, name));
  admitUpdate(obj, old);
  const write = storeWriteOptions(opts);
  const updated =
    call.target.subresource === 'status'
      ? await store.updateStatus(obj, write)
      : await store.update(obj, write);
  sendObject(call, 200, updated, warnings);
}

export async function patchObject(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const { store } = call.api;
  const { info } = call.target;
  const contentType = call.req.headers['content-type'];
  const isApply = unwrap(patchTypeOf(contentType)) === 'apply';
  const opts = writeOptionsOf(call, 'patch', isApply);
  const body = await readBody(call.req);
  const status = call.target.subresource === 'status';
  const target = { name, namespace: call.target.namespace };
  let warnings: string[] = [];
  const patch = (current: KubeObject | undefined): KubeObject => {
    const next = unwrap(applyPatch(info.kind, current, contentType, body, target));
    const expectedRV = next.metadata?.resourceVersion;
    if (current && expectedRV && expectedRV !== current.metadata.resourceVersion) {
      throw new StatusError(statusErrors.conflict(info, name, OBJECT_MODIFIED));
    }
    warnings = checkFields(info.kind, next, opts);
    const checked = asKubeObject(next, call.target);
    if (current) {
      checked.metadata.resourceVersion = current.metadata.resourceVersion;
      admitUpdate(checked, current);
    }
    return checked;
  };
  const write = storeWriteOptions(opts);
  // Server-side apply creates what does not exist yet; the other dialects answer 404 from applyPatch.
  if (isApply && !status && (await store.get(info.kind, ns(call), name)) === undefined) {
    const created = patch(undefined);
    await admitCreate(store, created);
    return sendObject(call, 201, await store.create(created, write), warnings);
  }
  const patched = await store.guaranteedUpdate(info.kind, ns(call), name, patch, {
    ...write,
    ...(status ? { subresource: 'status' as const } : {}),
  });
  sendObject(call, 200, patched, warnings);
}

async function deleteBody(call: ResourceCall): Promise<unknown> {
  const raw = await readBody(call.req);
  return raw.length ? decodeObjectBody(raw, call.req.headers['content-type']) : undefined;
}

export async function deleteObject(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const options = deleteOptionsOf(call, await deleteBody(call));
  if (call.target.info.kind === 'Namespace') await deleteNamespaceContents(call.api.store, name, options);
  const { object } = await call.api.store.delete(call.target.info.kind, ns(call), name, options);
  sendObject(call, 200, object);
}

export async function deleteCollection(call: ResourceCall): Promise<void> {
  const { info } = call.target;
  // Namespaces have no deletecollection verb (discovery does not list it): they are deleted one by one.
  if (info.kind === 'Namespace') {
    throw new StatusError(
      statusErrors.methodNotAllowed('the server does not allow this method on the requested resource'),
    );
  }
  const options = deleteOptionsOf(call, await deleteBody(call));
  const { items } = await call.api.store.list(info.kind, { ...listScope(call), decode: listed });
  const deleted: KubeObject[] = [];
  for (const item of selected(items, listOptionsOf(call))) {
    const { metadata } = parsed(item);
    try {
      const { object } = await call.api.store.delete(
        info.kind,
        metadata.namespace ?? '',
        metadata.name ?? '',
        options,
      );
      deleted.push(object);
    } catch (err) {
      // Gone between list and delete: someone else finished the job.
      if (!isStatusError(err, 'NotFound')) throw err;
    }
  }
  sendJson(call.res, 200, {
    kind: `${info.kind}List`,
    apiVersion: apiVersionOf(info),
    metadata: { resourceVersion: String(await call.api.store.revision()) },
    items: deleted,
  });
}
