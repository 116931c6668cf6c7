// Cell formatting helpers shared by the printers: labels, label selectors, container lists, access modes.

import * as E from 'fp-ts/Either';
import type { LabelSelector } from '../meta.js';
import { selectorFromLabelSelector } from '../selectors/label-selector.js';

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * A LabelSelector in the string form the API server prints (metav1.LabelSelectorAsSelector(..).String()):
 * requirements sorted by key, `""` for a nil or empty selector, undefined when the selector is invalid.
 */
export function selectorString(selector: LabelSelector | undefined): string | undefined {
  const parsed = selectorFromLabelSelector(selector);
  return E.isRight(parsed) ? parsed.right.toString() : undefined;
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` for an invalid one. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector);
  return s === undefined ? '<error>' : s === '' ? '<none>' : s;
}

interface NamedImage {
  name?: string;
  image?: string;
}

/** The Containers and Images cells of the workload printers: comma-separated, in template order. */
export function containerCells(containers: NamedImage[] | undefined): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** Access modes abbreviated in a fixed order (RWO, ROX, RWX, RWOP), duplicates removed. */
export function accessModes(modes: string[] | undefined): string {
  return ACCESS_MODES.filter(([mode]) => modes?.includes(mode))
    .map(([, short]) => short)
    .join(',');
}
