// kubectl's generic describer, for kinds without a dedicated one (ControllerRevision, ConfigMap, Lease…): name,
// namespace, labels and annotations, then every other field of the object, nested, under camel-case-split labels.
import { isRecord, type KubeObject } from '@kubesim/api';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';
import { annotationsMultiline, type EventView, events, labelsMultiline } from './sections.js';

const SKIPPED = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
];

export function describeGeneric(obj: KubeObject, eventList: EventView[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  content(w, LEVEL_0, obj, '');
  events(w, eventList, now);
  return w.output();
}

function content(w: PrefixWriter, level: number, value: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(value).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIPPED.includes(path)) continue;
    const v = value[field];
    if (isRecord(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      content(w, level + 1, v, path);
    } else if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const item of v) {
        if (isRecord(item)) content(w, level + 1, item, path);
        else w.write(level + 1, `${goValue(item)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(v)}\n`);
    }
  }
}

function goValue(v: unknown): string {
  return v === null || v === undefined ? '<nil>' : String(v);
}

const ACRONYMS = ['API', 'URL', 'UID', 'GUID'];

/**
 * smartLabelFor: `ownerReferences` → `Owner References`, `apiVersion` → `API Version`, `uid` → `UID`; a field
 * with characters other than letters and dashes is printed as it is.
 */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelCaseSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (next !== undefined && part.length >= 2 && part === part.toUpperCase() && /^\p{Lu}/u.test(next)) {
      merged.push(part + next);
      i++;
    } else merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => {
      if (ACRONYMS.includes(p.toUpperCase())) return p.toUpperCase();
      return p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p;
    })
    .join(' ');
}

/** fatih/camelcase Split: runs of one character class, an upper-case letter moved onto a following lower run. */
function camelCaseSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{N}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 2 && classOf(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
