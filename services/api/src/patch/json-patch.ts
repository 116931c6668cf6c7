// RFC 6902 JSON patch, with the API server's rules: at most 10000 operations (413), malformed operations are a
// 400, and operations that do not apply (a `replace` or `remove` of a missing path, a failed `test`) are a 422
// naming the operation and the path.
import { type Status, statusErrors } from '@kubesim/api';
import jsonpatch, { type JsonPatchError, type Operation } from 'fast-json-patch';
import * as E from 'fp-ts/Either';
import { isObject } from './json.js';
import { patchRejected } from './rejection.js';

export const MAX_JSON_PATCH_OPERATIONS = 10000;

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Checks the shape of the operations before applying them, so malformed ones get a precise 400. */
function checkOperations(ops: unknown): E.Either<Status, Operation[]> {
  if (!Array.isArray(ops))
    return E.left(statusErrors.badRequest('json patch must be an array of operations'));
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    return E.left(
      statusErrors.tooLarge(
        `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
      ),
    );
  }
  for (const [i, op] of ops.entries()) {
    const bad = (why: string) => E.left(statusErrors.badRequest(`json patch operation ${i}: ${why}`));
    if (!isObject(op)) return bad('must be an object');
    if (typeof op.op !== 'string' || !OPS.has(op.op)) {
      return bad(
        `unknown op ${JSON.stringify(op.op)}, expected one of add, remove, replace, move, copy, test`,
      );
    }
    if (typeof op.path !== 'string') return bad(`${op.op} operation needs a "path"`);
    if (op.path !== '' && !op.path.startsWith('/')) return bad(`path "${op.path}" must start with "/"`);
    if ((op.op === 'move' || op.op === 'copy') && typeof op.from !== 'string') {
      return bad(`${op.op} operation needs a "from"`);
    }
    if ((op.op === 'add' || op.op === 'replace' || op.op === 'test') && !('value' in op)) {
      return bad(`${op.op} operation needs a "value"`);
    }
  }
  return E.right(ops as Operation[]);
}

/** Words a failure the way the Go json-patch library does, which is what Kubernetes users see. */
function describeFailure(err: JsonPatchError): string {
  const op = err.operation as Operation & { from?: string };
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${op.path} failed: test failed`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `${op.op} operation does not apply: doc is missing from path: ${op.from}: missing value`;
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `${op.op} operation does not apply: index out of bounds: ${op.path}`;
    case 'OPERATION_PATH_UNRESOLVABLE':
    case 'OPERATION_PATH_CANNOT_ADD':
      return `${op.op} operation does not apply: doc is missing path: ${op.path}: missing value`;
    default:
      return `${op.op} operation on ${op.path} failed: ${err.message.split('\n')[0]}`;
  }
}

/** Applies RFC 6902 operations (already decoded from JSON) to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, ops: unknown): E.Either<Status, unknown> {
  return E.chain((checked: Operation[]) => {
    try {
      return E.right(jsonpatch.applyPatch(doc, checked, true, false).newDocument);
    } catch (err) {
      if (err instanceof jsonpatch.JsonPatchError) return E.left(patchRejected(describeFailure(err)));
      return E.left(patchRejected((err as Error).message));
    }
  })(checkOperations(ops));
}
