// The selector string a Scale reports in status.selector (what HPAs and `kubectl scale` read).
import { type LabelSelector, selectorFromLabelSelector } from '@kubesim/api';

export function labelSelectorString(selector: LabelSelector | undefined): string {
  const parsed = selectorFromLabelSelector(selector);
  return parsed._tag === 'Right' ? parsed.right.toString() : '';
}
