// `-o jsonpath=TEMPLATE`: the JSONPath template dialect of client-go's util/jsonpath. Text outside braces is
// literal; inside braces go paths (`.a.b`, `[0]`, `[1:3]`, `[*]`, `..name`, `['key']`, `[?(@.x=="y")]`), string
// literals (`{"\n"}`) and `{range PATH}…{end}`. Several results of one expression are joined by a space; a
// missing key yields nothing, as kubectl's default --allow-missing-template-keys does.
import { isRecord } from '@kubesim/api';

type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; start?: number; end?: number; single: boolean }
  | { kind: 'filter'; path: Path; op?: string; value?: string | number };

interface Path {
  /** `$` paths start at the root; all others at the current item (the root outside any range). */
  fromRoot: boolean;
  segments: Segment[];
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; path: Path }
  | { kind: 'range'; path: Path; body: Node[] };

export class JsonPathError extends Error {}

/** Parses a template once; the result renders any number of values. */
export function compileJsonPath(template: string): (data: unknown) => string {
  const nodes = parseTemplate(template);
  return (data) => render(nodes, data, data);
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].body.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].body.push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    const expr = template.slice(open + 1, close).trim();
    i = close + 1;
    const body = stack[stack.length - 1].body;
    if (expr === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (expr.startsWith('range ')) {
      const node: Node = { kind: 'range', path: parsePath(expr.slice(6).trim()), body: [] };
      body.push(node);
      stack.push(node);
    } else if (expr.startsWith('"')) {
      body.push({ kind: 'text', text: JSON.parse(expr) as string });
    } else {
      body.push({ kind: 'path', path: parsePath(expr) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action: range without end');
  return root;
}

// The closing brace of an action, skipping braces inside quoted strings.
function findClose(template: string, open: number): number {
  let quote: string | undefined;
  for (let j = open + 1; j < template.length; j++) {
    const ch = template[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return j;
  }
  throw new JsonPathError(`unclosed action in ${JSON.stringify(template)}`);
}

/** Each path step's syntax and what it means, tried in order. */
const SEGMENT_SYNTAX: [RegExp, (m: RegExpMatchArray) => Segment][] = [
  [/^\.\.([\w-]+)/, (m) => ({ kind: 'recursive', name: m[1] })],
  [/^(?:\.\*|\[\*\])/, () => ({ kind: 'wildcard' })],
  // A field name may hold escaped dots: `.metadata.annotations.kubernetes\.io/change-cause`.
  [/^\.((?:\\.|[^.[\]\\])+)/, (m) => ({ kind: 'field', name: m[1].replaceAll('\\.', '.') })],
  [/^\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/, (m) => ({ kind: 'field', name: m[1] ?? m[2] })],
  [/^\[\s*(-?\d+)\s*\]/, (m) => ({ kind: 'index', start: Number(m[1]), single: true })],
  [
    /^\[\s*(-?\d*)\s*:\s*(-?\d*)\s*\]/,
    (m) => ({
      kind: 'index',
      start: m[1] ? Number(m[1]) : undefined,
      end: m[2] ? Number(m[2]) : undefined,
      single: false,
    }),
  ],
  [/^\[\?\((.*?)\)\]/, (m) => parseFilter(m[1])],
];

function parsePath(text: string): Path {
  let rest = text;
  let fromRoot = false;
  if (rest.startsWith('$')) {
    fromRoot = true;
    rest = rest.slice(1);
  } else if (rest.startsWith('@')) rest = rest.slice(1);
  // `{.}` and `{@}` are the current item itself.
  if (rest === '.') rest = '';
  const segments: Segment[] = [];
  while (rest.length > 0) {
    const matched = SEGMENT_SYNTAX.map(([pattern, build]) => ({ m: rest.match(pattern), build })).find(
      (x) => x.m,
    );
    if (!matched?.m) throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(rest)}`);
    segments.push(matched.build(matched.m));
    rest = rest.slice(matched.m[0].length);
  }
  return { fromRoot, segments };
}

function parseFilter(text: string): Segment {
  const m = text.match(/^\s*(@[^\s=!<>]*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$/);
  if (!m) return { kind: 'filter', path: parsePath(text.trim()) };
  const literal = m[3];
  const value = /^['"]/.test(literal) ? literal.slice(1, -1) : Number(literal);
  if (typeof value === 'number' && Number.isNaN(value))
    throw new JsonPathError(`unrecognized filter value ${literal}`);
  return { kind: 'filter', path: parsePath(m[1]), op: m[2], value };
}

function render(nodes: Node[], root: unknown, current: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += evaluate(node.path, root, current).map(toText).join(' ');
    else for (const item of evaluate(node.path, root, current)) out += render(node.body, root, item);
  }
  return out;
}

function evaluate(path: Path, root: unknown, current: unknown): unknown[] {
  let values = [path.fromRoot ? root : current];
  for (const segment of path.segments) values = values.flatMap((v) => step(segment, v, root));
  return values;
}

function step(segment: Segment, value: unknown, root: unknown): unknown[] {
  switch (segment.kind) {
    case 'field':
      return isRecord(value) && value[segment.name] !== undefined ? [value[segment.name]] : [];
    case 'recursive':
      return descendants(value).flatMap((v) =>
        isRecord(v) && v[segment.name] !== undefined ? [v[segment.name]] : [],
      );
    case 'wildcard':
      return Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
    case 'index':
      return Array.isArray(value) ? slice(value, segment) : [];
    case 'filter':
      return Array.isArray(value) ? value.filter((item) => matches(segment, item, root)) : [];
  }
}

function descendants(value: unknown): unknown[] {
  const children = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
  return [value, ...children.flatMap(descendants)];
}

function slice(list: unknown[], s: { start?: number; end?: number; single: boolean }): unknown[] {
  const at = (i: number) => (i < 0 ? list.length + i : i);
  if (s.single) {
    const i = at(s.start ?? 0);
    return i >= 0 && i < list.length ? [list[i]] : [];
  }
  return list.slice(at(s.start ?? 0), s.end === undefined ? undefined : at(s.end));
}

function matches(filter: Extract<Segment, { kind: 'filter' }>, item: unknown, root: unknown): boolean {
  const found = evaluate(filter.path, root, item);
  if (filter.op === undefined) return found.length > 0;
  return found.some((v) => compare(v, filter.op ?? '==', filter.value));
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (op === '==') return actual === expected || String(actual) === String(expected);
  if (op === '!=') return !(actual === expected || String(actual) === String(expected));
  const a = Number(actual);
  const b = Number(expected);
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return '<nil>';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
