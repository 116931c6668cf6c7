// Small formatting rules of kubectl describe: RFC 1123 timestamps, ages, label selectors, int-or-string values
// and Go's printing of string slices.
import { humanDuration, type LabelSelector, selectorFromLabelSelector } from '@kubesim/api';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in the local time zone: `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function rfc1123z(timestamp: string | undefined): string {
  const t = timestamp ? new Date(timestamp) : new Date(0);
  // A missing Go time.Time is its zero value, which prints as year 1.
  if (!timestamp || Number.isNaN(t.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const offset = -t.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad2(Math.floor(Math.abs(offset) / 60))}${pad2(Math.abs(offset) % 60)}`;
  return `${DAYS[t.getDay()]}, ${pad2(t.getDate())} ${MONTHS[t.getMonth()]} ${t.getFullYear()} ${pad2(t.getHours())}:${pad2(t.getMinutes())}:${pad2(t.getSeconds())} ${zone}`;
}

/** translateTimestampSince: the age of a timestamp, `<unknown>` when it is missing. */
export function since(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

/** metav1.LabelSelectorAsSelector(...).String(): `app=nginx`, `tier in (a,b)`. */
export function selectorText(selector: LabelSelector | undefined): string {
  const parsed = selectorFromLabelSelector(selector);
  return parsed._tag === 'Right' ? parsed.right.toString() : '<error>';
}

/** An IntOrString as Go prints it: `25%` or `1`. */
export function intOrString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A Go []string printed with %v: `[a b]`. */
export function goSlice(values: readonly unknown[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}
