// `-o json` / `-o yaml` output as kubectl writes it: keys sorted, JSON indented by four spaces, YAML with
// sequences flush under their key and YAML 1.1 quoting (so `"yes"` and timestamps stay strings for Go readers).
import { isRecord } from '@kubesim/api';
import { stringify } from 'yaml';

export const STRUCTURED_FORMATS = ['json', 'yaml'] as const;
export type StructuredFormat = (typeof STRUCTURED_FORMATS)[number];

export function formatStructured(value: unknown, format: StructuredFormat): string {
  const sorted = sortKeys(value);
  return format === 'json'
    ? `${JSON.stringify(sorted, null, 4)}\n`
    : stringify(sorted, { version: '1.1', indentSeq: false, lineWidth: 0 });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}
