// Field selectors (k8s.io/apimachinery/pkg/fields): `metadata.name=x,status.phase!=Running`, the field labels
// each kind supports (an unsupported one is a 400, as the API server answers), and matching against objects.
import * as E from 'fp-ts/Either';
import { isRecord } from '../json.js';
import { type Status, statusErrors } from '../status.js';

export interface FieldRequirement {
  field: string;
  /** `=` and `==` mean the same; `!=` negates. */
  operator: '=' | '==' | '!=';
  value: string;
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** Field labels per kind beyond metadata.name/namespace (the kinds' field label conversion functions). */
const FIELDS_BY_KIND: Record<string, readonly string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
};

const ALL_FIELDS = new Set([...COMMON_FIELDS, ...Object.values(FIELDS_BY_KIND).flat()]);

/** Whether `field` may be used in a field selector for `kind` (any kind when none is given). */
export function isSupportedField(field: string, kind?: string): boolean {
  if (COMMON_FIELDS.includes(field)) return true;
  if (kind === undefined) return ALL_FIELDS.has(field);
  return (FIELDS_BY_KIND[kind] ?? []).includes(field);
}

/** The value a field label reads from an object; absent fields read as "". */
export function fieldValue(obj: unknown, field: string): string {
  // Events' `source` label is the reporting component.
  const path = field === 'source' ? ['source', 'component'] : field.split('.');
  let v: unknown = obj;
  for (const part of path) v = isRecord(v) ? v[part] : undefined;
  if (v === undefined || v === null) {
    if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return 'false';
    if (field === 'status.replicas') return '0';
    return '';
  }
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  static everything(): FieldSelector {
    return new FieldSelector([]);
  }

  matches(obj: unknown): boolean {
    return this.requirements.every((r) => (fieldValue(obj, r.field) === r.value) === (r.operator !== '!='));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** The value the selector pins a field to (`metadata.name=x`), used to narrow lists and watches. */
  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator !== '!=')?.value;
  }

  toString(): string {
    return this.requirements
      .map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeValue(r.value)}`)
      .join(',');
  }
}

/** Splits on commas that are not escaped with a backslash. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === ',') {
      terms.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  terms.push(current);
  return terms;
}

/** The first operator in the term wins; `!=` and `==` are tried before `=` at each position. */
function splitTerm(term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '=='] as const) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op, value: term.slice(i + 2) };
    }
    if (term[i] === '=') return { field: term.slice(0, i), operator: '=', value: term.slice(i + 1) };
  }
  return undefined;
}

function unescapeValue(v: string): E.Either<string, string> {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\') {
      const next = v[i + 1];
      if (next === undefined) return E.left('unterminated escape sequence');
      if (next !== '\\' && next !== ',' && next !== '=') return E.left(`invalid escape sequence: \\${next}`);
      out += next;
      i++;
    } else if (c === ',' || c === '=') {
      return E.left(`invalid value: unescaped ${JSON.stringify(c)}`);
    } else {
      out += c;
    }
  }
  return E.right(out);
}

/**
 * Parses a `fieldSelector` query value; with a kind, every field must be one that kind supports. Terms are kept
 * in sorted order, as Kubernetes sorts them.
 */
export function parseFieldSelector(text: string, kind?: string): E.Either<Status, FieldSelector> {
  if (typeof text !== 'string') return E.left(statusErrors.badRequest('field selector must be a string'));
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(text).sort()) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term)
      return E.left(statusErrors.badRequest(`invalid selector: '${text}'; can't understand '${part}'`));
    const value = unescapeValue(term.value);
    if (E.isLeft(value)) return E.left(statusErrors.badRequest(value.left));
    const field = term.field;
    if (!isSupportedField(field, kind)) {
      return E.left(statusErrors.badRequest(`field label not supported: ${field}`));
    }
    requirements.push({ ...term, field, value: value.right });
  }
  return E.right(new FieldSelector(requirements));
}
