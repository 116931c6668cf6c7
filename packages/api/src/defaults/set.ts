// Tiny helpers for defaulting plain JSON in place: fill a field only when it is absent, descend only into
// values of the right shape (so malformed input is left for validation to report).
import { isRecord, type JsonRecord } from '../json.js';

/** Sets obj[key] when it is missing or null (Go's nil pointer / empty string checks). */
export function setDefault(obj: JsonRecord, key: string, value: unknown, emptyStringCounts = true): void {
  const v = obj[key];
  if (v === undefined || v === null || (emptyStringCounts && v === '')) obj[key] = value;
}

/** The record under obj[key], created when absent; undefined when something else is there. */
export function ensureRecord(obj: JsonRecord, key: string): JsonRecord | undefined {
  if (obj[key] === undefined || obj[key] === null) obj[key] = {};
  const v = obj[key];
  return isRecord(v) ? v : undefined;
}

/** The record under obj[key] if there is one. */
export function recordAt(obj: unknown, key: string): JsonRecord | undefined {
  if (!isRecord(obj)) return undefined;
  const v = obj[key];
  return isRecord(v) ? v : undefined;
}

/** The records of the array under obj[key]; other elements are skipped. */
export function recordsAt(obj: unknown, key: string): JsonRecord[] {
  if (!isRecord(obj)) return [];
  const v = obj[key];
  return Array.isArray(v) ? v.filter(isRecord) : [];
}
