// Refuses bodies nested deeper than any Kubernetes object is (or cyclic, as YAML aliases can make them) before
// recursive code walks them. The real API server's limit is 10,000 levels; ours is lower because objects are
// walked recursively here and no served kind comes close to it.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';

export const MAX_NESTING = 256;

/** Checks a decoded value iteratively (no recursion, so the check itself cannot overflow the stack). */
export function checkNesting<T>(value: T): E.Either<Status, T> {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_NESTING) {
      return E.left(
        statusErrors.badRequest(
          `request body is nested too deeply (more than ${MAX_NESTING} levels) or cyclic`,
        ),
      );
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return E.right(value);
}
