// Int-or-percent fields of rolling updates (apps validation ValidatePositiveIntOrPercent and friends).
import { type Check, fail, failAll, isInt32, ok } from './check.js';
import { fieldErrors } from './field-error.js';
import { isValidPercent } from './formats.js';
import type { FieldPath } from './path.js';

/** IntOrString prints through its String method: bare number or bare text. */
export function printIntOrPercent(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? 'null');
}

export function validatePositiveIntOrPercent(v: unknown, path: FieldPath): Check {
  if (v === undefined || v === null) return ok;
  if (typeof v === 'string')
    return failAll(isValidPercent(v).map((m) => fieldErrors.invalidPrinted(path, v, m)));
  if (isInt32(v)) {
    return v < 0
      ? fail(fieldErrors.invalidPrinted(path, printIntOrPercent(v), 'must be greater than or equal to 0'))
      : ok;
  }
  return fail(
    fieldErrors.invalidPrinted(path, printIntOrPercent(v), "must be an integer or percentage (e.g '5%')"),
  );
}

/** The number behind an int-or-percent for the "both zero" rules: a percent's digits, an int, else 0. */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string') {
    if (isValidPercent(v).length === 0) return Number.parseInt(v.slice(0, -1), 10);
    return /^[+-]?[0-9]+$/.test(v) ? Number.parseInt(v, 10) : 0;
  }
  return 0;
}

export function isNotMoreThan100Percent(v: unknown, path: FieldPath): Check {
  if (typeof v !== 'string' || isValidPercent(v).length) return ok;
  return intOrPercentValue(v) <= 100
    ? ok
    : fail(fieldErrors.invalidPrinted(path, printIntOrPercent(v), 'must not be greater than 100%'));
}
