// Prints bad values the way Kubernetes' field errors do (Go's %q for strings, %v for numbers, %#v for maps and
// selectors), so messages read like the API server's own.
import { isRecord } from '../json.js';

/** Go's strconv.Quote for the characters JSON can carry: JSON escaping is the same for everything printable. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function isStringMap(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
}

function goStringMap(m: Record<string, string>): string {
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

function goStringSlice(v: unknown[]): string {
  return `[]string{${v.map((x) => goQuote(String(x))).join(', ')}}`;
}

/** %#v of a metav1.LabelSelector, the value Kubernetes prints for selector errors. */
export function goLabelSelector(sel: unknown): string {
  if (!isRecord(sel)) return 'null';
  const ml = isStringMap(sel.matchLabels) ? goStringMap(sel.matchLabels) : 'map[string]string(nil)';
  const exprs = Array.isArray(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => {
          const r = isRecord(e) ? e : {};
          const values = Array.isArray(r.values) ? goStringSlice(r.values) : '[]string(nil)';
          return `v1.LabelSelectorRequirement{Key:${goQuote(String(r.key ?? ''))}, Operator:${goQuote(
            String(r.operator ?? ''),
          )}, Values:${values}}`;
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}`;
}

/** The text after "Invalid value: " for a bad value of any JSON shape. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (isStringMap(v)) return goStringMap(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v);
  return JSON.stringify(v) ?? String(v);
}
