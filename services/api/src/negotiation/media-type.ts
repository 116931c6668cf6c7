// Parses media types (Content-Type) and Accept headers into type, subtype, parameters and quality.

export interface MediaType {
  /** Lower-cased, e.g. application. */
  type: string;
  /** Lower-cased, e.g. json or strategic-merge-patch+json. */
  subtype: string;
  /** Parameter names lower-cased; values unquoted and kept as sent (as=Table, g=meta.k8s.io, v=v1). */
  params: Record<string, string>;
}

export interface MediaRange extends MediaType {
  /** Quality from the q parameter, 1 when absent. */
  q: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (c === sep && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

/** Parses one media type such as `application/json;as=Table;v=v1;g=meta.k8s.io`; undefined when malformed. */
export function parseMediaType(text: string): MediaType | undefined {
  const [essence, ...rawParams] = splitOutsideQuotes(text, ';');
  const slash = essence.indexOf('/');
  if (slash < 0) return undefined;
  const type = essence.slice(0, slash).trim().toLowerCase();
  const subtype = essence
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    if (raw.trim() === '') continue;
    const eq = raw.indexOf('=');
    if (eq < 0) return undefined;
    const name = raw.slice(0, eq).trim().toLowerCase();
    if (!TOKEN.test(name)) return undefined;
    params[name] = unquote(raw.slice(eq + 1).trim());
  }
  return { type, subtype, params };
}

/** `type/subtype` without parameters. */
export function essenceOf(mt: MediaType): string {
  return `${mt.type}/${mt.subtype}`;
}

/**
 * The media ranges of an Accept header, most preferred first: by quality, ties kept in the order sent
 * (clients such as kubectl list their preferences in order and send no q values). Malformed entries and
 * q=0 entries are dropped; a missing or empty header accepts anything.
 */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return [{ type: '*', subtype: '*', params: {}, q: 1 }];
  const ranges: MediaRange[] = [];
  for (const part of splitOutsideQuotes(header, ',')) {
    if (part.trim() === '') continue;
    const mt = parseMediaType(part);
    if (!mt) continue;
    const { q: qText, ...params } = mt.params;
    const q = qText === undefined ? 1 : Number(qText);
    if (!Number.isFinite(q) || q <= 0) continue;
    ranges.push({ type: mt.type, subtype: mt.subtype, params, q: Math.min(q, 1) });
  }
  return ranges
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.q - a.r.q || a.i - b.i)
    .map(({ r }) => r);
}

/** Whether a range such as `*\/*`, `application/*` or `application/json` covers the given type/subtype. */
export function rangeCovers(range: MediaType, type: string, subtype: string): boolean {
  return (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype);
}
