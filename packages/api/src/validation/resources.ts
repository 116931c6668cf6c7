// Container resource requests and limits: names, quantity syntax, non-negative values, requests within limits.
import * as E from 'fp-ts/Either';
import { parseQuantity, type Quantity } from '../quantity.js';
import { all, type Check, each, fail, messages, ok, optRecord } from './check.js';
import { fieldErrors } from './field-error.js';
import { isQualifiedName } from './formats.js';
import type { FieldPath } from './path.js';

/** Quantities arrive as strings or plain JSON numbers; both decode in Kubernetes. */
export function quantityOf(v: unknown): E.Either<string, Quantity> {
  if (typeof v === 'number' && Number.isFinite(v)) return parseQuantity(String(v));
  if (typeof v === 'string') return parseQuantity(v);
  return E.left('must be a quantity');
}

/** A ResourceList such as requests, limits or capacity; returns the parsed values it could read. */
export function validateResourceList(
  list: unknown,
  path: FieldPath,
): { check: Check; parsed: Map<string, Quantity> } {
  const parsed = new Map<string, Quantity>();
  const check = optRecord(list, path, (r) =>
    each(Object.entries(r), ([name, v]) => {
      const at = path.key(name);
      const q = quantityOf(v);
      if (E.isLeft(q))
        return all(messages(path, name, isQualifiedName(name)), fail(fieldErrors.invalid(at, v, q.left)));
      parsed.set(name, q.right);
      return all(
        messages(path, name, isQualifiedName(name)),
        q.right.sign() < 0
          ? fail(fieldErrors.invalid(at, q.right.toString(), 'must be greater than or equal to 0'))
          : ok,
      );
    }),
  );
  return { check, parsed };
}

export function validateResourceRequirements(resources: unknown, path: FieldPath): Check {
  return optRecord(resources, path, (r) => {
    const limits = validateResourceList(r.limits, path.child('limits'));
    const requests = validateResourceList(r.requests, path.child('requests'));
    return all(
      limits.check,
      requests.check,
      each([...requests.parsed], ([name, request]) => {
        const limit = limits.parsed.get(name);
        return limit && request.cmp(limit) > 0
          ? fail(
              fieldErrors.invalid(
                path.child('requests').key(name),
                request.toString(),
                `must be less than or equal to ${name} limit of ${limit.toString()}`,
              ),
            )
          : ok;
      }),
    );
  });
}
