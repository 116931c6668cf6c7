// The string syntax of label selectors (k8s.io/apimachinery/pkg/labels Parse): `a=b,c!=d,e in (x,y),f notin
// (z),g,!h`, with `==`, `gt`/`lt` as `>`/`<`. Parse errors become 400 BadRequest, worded as Kubernetes words them.
import * as E from 'fp-ts/Either';
import { type Status, statusErrors } from '../status.js';
import { isQualifiedName } from '../validation/formats.js';
import { goQuote } from '../validation/go-format.js';
import {
  aggregate,
  type Requirement,
  requirementErrors,
  Selector,
  type SelectorOperator,
} from './label-selector.js';

type TokenKind =
  | 'error'
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

interface Token {
  kind: TokenKind;
  literal: string;
}

const LITERAL_TOKENS: Record<string, TokenKind> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input[pos])) pos++;
    if (pos >= input.length) {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    if (isSpecial(input[pos])) {
      // Longest run of special characters that still forms an operator ("!=" rather than "!" then "=").
      let buffer = '';
      let last: Token | undefined;
      while (pos < input.length && isSpecial(input[pos])) {
        buffer += input[pos];
        const kind = LITERAL_TOKENS[buffer];
        if (kind) {
          last = { kind, literal: buffer };
          pos++;
        } else if (last) {
          break;
        } else {
          pos++;
        }
      }
      tokens.push(last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let word = '';
    while (pos < input.length && !isSpecial(input[pos]) && !isWhitespace(input[pos])) word += input[pos++];
    tokens.push({ kind: LITERAL_TOKENS[word] ?? 'identifier', literal: word });
  }
}

class ParseError extends Error {}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  /** In value position the words `in` and `notin` are ordinary identifiers. */
  private peek(values: boolean): Token {
    const t = this.tokens[Math.min(this.position, this.tokens.length - 1)];
    return values && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'identifier', literal: t.literal } : t;
  }

  private next(values: boolean): Token {
    const t = this.peek(values);
    this.position++;
    return t;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.kind === 'end') return requirements;
      if (t.kind !== 'identifier' && t.kind !== '!') {
        throw new ParseError(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.requirement());
      } catch (err) {
        throw err instanceof ParseError ? new ParseError(`unable to parse requirement: ${err.message}`) : err;
      }
      const after = this.next(true);
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',')
        throw new ParseError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.peek(true);
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new ParseError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): Requirement {
    let t = this.next(true);
    let negated = false;
    if (t.kind === '!') {
      negated = true;
      t = this.next(true);
    }
    if (t.kind !== 'identifier') throw new ParseError(`found '${t.literal}', expected: identifier`);
    const key = t.literal;
    const keyMsgs = isQualifiedName(key);
    if (keyMsgs.length) throw new ParseError(`<nil>: Invalid value: ${goQuote(key)}: ${keyMsgs.join('; ')}`);
    const after = this.peek(true).kind;
    if (negated || after === 'end' || after === ',') {
      return this.checked({ key, operator: negated ? '!' : 'exists', values: [] });
    }
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    return this.checked({ key, operator: op, values: [...new Set(values)].sort() });
  }

  private checked(r: Requirement): Requirement {
    const errs = requirementErrors(r);
    if (errs.length) throw new ParseError(aggregate(errs));
    return r;
  }

  private operator(): SelectorOperator {
    const t = this.next(false);
    switch (t.kind) {
      case 'in':
        return 'in';
      case 'notin':
        return 'notin';
      case '=':
        return '=';
      case '==':
        return '==';
      case '!=':
        return '!=';
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new ParseError(`found '${t.literal}', expected: ${BINARY_OPERATORS}`);
    }
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.kind !== '(') throw new ParseError(`found '${open.literal}' expected: '('`);
    const t = this.peek(true);
    if (t.kind === ')') {
      this.next(true);
      return [''];
    }
    if (t.kind !== 'identifier' && t.kind !== ',') {
      throw new ParseError(`found '${t.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.identifierList();
    const close = this.next(true);
    if (close.kind !== ')') throw new ParseError(`found '${t.literal}', expected: ')'`);
    return values;
  }

  /** A comma list where empty entries mean the empty value: `(a,,b)`, `(,a)`, `(a,)`. */
  private identifierList(): string[] {
    const values: string[] = [];
    for (;;) {
      const t = this.next(true);
      if (t.kind === 'identifier') {
        values.push(t.literal);
        const n = this.peek(true);
        if (n.kind === ',') continue;
        if (n.kind === ')') return values;
        throw new ParseError(`found '${n.literal}', expected: ',' or ')'`);
      }
      if (t.kind === ',') {
        if (values.length === 0) values.push('');
        const n = this.peek(true);
        if (n.kind === ')' || n.kind === ',') values.push('');
        if (n.kind === ')') return values;
        continue;
      }
      throw new ParseError(`found '${t.literal}', expected: ',', or identifier`);
    }
  }

  private exactValue(): string[] {
    const t = this.peek(true);
    if (t.kind === 'end' || t.kind === ',') return [''];
    const v = this.next(true);
    if (v.kind === 'identifier') return [v.literal];
    throw new ParseError(`found '${v.literal}', expected: identifier`);
  }
}

/** Parses a `labelSelector` query value; the empty string selects everything. */
export function parseLabelSelector(text: string): E.Either<Status, Selector> {
  if (typeof text !== 'string') return E.left(statusErrors.badRequest('label selector must be a string'));
  try {
    return E.right(Selector.of(new Parser(lex(text)).parse()));
  } catch (err) {
    if (err instanceof ParseError) return E.left(statusErrors.badRequest(err.message));
    throw err;
  }
}
