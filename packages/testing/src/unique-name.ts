// A name no other test uses, so suites can share one Redis under separate cluster prefixes.
import { randomBytes } from 'node:crypto';

export function uniqueName(prefix = 't'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
