// Small helpers for turning Either results and common refusals into thrown Status errors.
import { type Status, StatusError } from '@kubesim/api';
import type { Either } from 'fp-ts/Either';

export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

export function unwrap<T>(result: Either<Status, T>): T {
  if (result._tag === 'Left') throw new StatusError(result.left);
  return result.right;
}
