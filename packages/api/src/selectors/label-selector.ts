// Label selectors as k8s.io/apimachinery/pkg/labels models them: requirements ANDed together, matching a label
// set, printed in the canonical string form (`app=nginx,tier in (a,b)`); plus metav1.LabelSelector conversion.
import * as E from 'fp-ts/Either';
import type { LabelSelector } from '../meta.js';
import { type Status, statusErrors } from '../status.js';
import { isQualifiedName, isValidLabelValue } from '../validation/formats.js';
import { goQuote, goValue } from '../validation/go-format.js';

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export const SELECTOR_OPERATORS: readonly SelectorOperator[] = [
  'in',
  'notin',
  '=',
  '==',
  '!=',
  'gt',
  'lt',
  'exists',
  '!',
];

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined | null;

const INT64_RE = /^[+-]?[0-9]+$/;

function parseInt64(s: string): bigint | undefined {
  if (!INT64_RE.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

function has(labels: Labels, key: string): boolean {
  return !!labels && Object.hasOwn(labels, key);
}

export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const present = has(labels, r.key);
  const value = present ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return present && r.values.includes(value!);
    case 'notin':
    case '!=':
      return !present || !r.values.includes(value!);
    case 'exists':
      return present;
    case '!':
      return !present;
    case 'gt':
    case 'lt': {
      if (!present || r.values.length !== 1) return false;
      const have = parseInt64(value!);
      const want = parseInt64(r.values[0]);
      if (have === undefined || want === undefined) return false;
      return r.operator === 'gt' ? have > want : have < want;
    }
  }
}

export function requirementToString(r: Requirement): string {
  const sorted = [...r.values].sort();
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${sorted.join(',')})`;
    case 'gt':
      return `${r.key}>${sorted.join(',')}`;
    case 'lt':
      return `${r.key}<${sorted.join(',')}`;
    default:
      return `${r.key}${r.operator}${sorted.join(',')}`;
  }
}

/** Checks a requirement the way NewRequirement does; returns Go-style messages (empty when valid). */
export function requirementErrors(r: Requirement, keyPath = 'key'): string[] {
  const errs: string[] = [];
  const keyMsgs = isQualifiedName(r.key);
  if (keyMsgs.length) errs.push(`${keyPath}: Invalid value: ${goQuote(r.key)}: ${keyMsgs.join('; ')}`);
  const vals = r.values;
  const bad = (detail: string) => `values: Invalid value: ${goValue(vals)}: ${detail}`;
  switch (r.operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(bad("for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(bad('exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(bad('values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(bad("for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(
            `values[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        }
      });
      break;
    default:
      errs.push(
        `operator: Unsupported value: ${goQuote(String(r.operator))}: supported values: ${SELECTOR_OPERATORS.map(goQuote).join(', ')}`,
      );
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(`values[${i}][${r.key}]: Invalid value: ${goQuote(v)}: ${msgs.join('; ')}`);
  });
  return errs;
}

/** Go's utilerrors aggregate text: one message bare, several in brackets. */
export function aggregate(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

export class Selector {
  private constructor(
    /** Sorted by key, as Kubernetes keeps them. */
    readonly requirements: readonly Requirement[],
    private readonly nothing: boolean,
  ) {}

  /** Matches every label set (an empty LabelSelector, or an empty string). */
  static everything(): Selector {
    return new Selector([], false);
  }

  /** Matches no label set (a nil LabelSelector). */
  static nothing(): Selector {
    return new Selector([], true);
  }

  static of(requirements: readonly Requirement[]): Selector {
    return new Selector(
      [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      false,
    );
  }

  /** Exactly these labels (labels.SelectorFromSet): `a=b` for each pair; an empty set matches everything. */
  static fromSet(set: Readonly<Record<string, string>> | undefined | null): Selector {
    return Selector.of(
      Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })),
    );
  }

  matches(labels: Labels): boolean {
    return !this.nothing && this.requirements.every((r) => requirementMatches(r, labels));
  }

  /** True for the selector that matches everything (labels.Selector.Empty). */
  isEmpty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }

  matchesNothing(): boolean {
    return this.nothing;
  }

  /** A value the selector requires for a key (`a=b`, `a==b` or `a in (b)`), as RequiresExactMatch. */
  requiresExactMatch(key: string): string | undefined {
    const r = this.requirements.find((x) => x.key === key);
    return r && ['=', '==', 'in'].includes(r.operator) && r.values.length === 1 ? r.values[0] : undefined;
  }

  add(...requirements: Requirement[]): Selector {
    return this.nothing ? this : Selector.of([...this.requirements, ...requirements]);
  }

  toString(): string {
    return this.requirements.map(requirementToString).join(',');
  }
}

const OPERATOR_OF_EXPRESSION: Record<string, SelectorOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector: nil matches nothing, an empty selector matches everything; matchLabels become
 * `key=value`, matchExpressions their set-based forms. Invalid selectors give a 400 Status.
 */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): E.Either<Status, Selector> {
  if (ls === null || ls === undefined) return E.right(Selector.nothing());
  if (typeof ls !== 'object' || Array.isArray(ls))
    return E.left(statusErrors.badRequest('invalid label selector'));
  const matchLabels = ls.matchLabels ?? {};
  const matchExpressions = ls.matchExpressions ?? [];
  if (typeof matchLabels !== 'object' || !Array.isArray(matchExpressions)) {
    return E.left(statusErrors.badRequest('invalid label selector'));
  }
  const entries = Object.entries(matchLabels);
  if (entries.length === 0 && matchExpressions.length === 0) return E.right(Selector.everything());
  const requirements: Requirement[] = [];
  const errors: string[] = [];
  for (const [key, value] of entries) {
    const r: Requirement = { key, operator: '=', values: [String(value)] };
    errors.push(...requirementErrors(r));
    requirements.push(r);
  }
  for (const expr of matchExpressions) {
    const operator = OPERATOR_OF_EXPRESSION[String(expr?.operator)];
    if (!operator) {
      errors.push(`${goQuote(String(expr?.operator))} is not a valid label selector operator`);
      continue;
    }
    const values = Array.isArray(expr.values) ? expr.values.map(String) : [];
    const r: Requirement = { key: String(expr.key ?? ''), operator, values };
    errors.push(...requirementErrors(r));
    requirements.push(r);
  }
  if (errors.length) return E.left(statusErrors.badRequest(aggregate(errors)));
  return E.right(Selector.of(requirements));
}

/** Convenience for code holding a selector already validated by the API: invalid ones match nothing. */
export function labelSelectorMatches(ls: LabelSelector | null | undefined, labels: Labels): boolean {
  const sel = selectorFromLabelSelector(ls);
  return E.isRight(sel) && sel.right.matches(labels);
}
