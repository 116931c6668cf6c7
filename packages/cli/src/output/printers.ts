// The -o formats commands share (get, create, apply): name, json, yaml and jsonpath; the table formats (default
// and wide) belong to get. Objects print as kubectl prints them: one object alone, several as a v1 List.
import { apiVersionOf, type KindInfo, type KubeObject } from '@kubesim/api';
import { CliError } from '../errors.js';
import { objectRef } from '../resources/naming.js';
import { compileJsonPath, JsonPathError } from './jsonpath.js';
import { formatStructured } from './structured.js';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'jsonpath'; template: string };

const ALLOWED = 'json, jsonpath, name, wide, yaml';

export function parseOutputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'name' || value === 'json' || value === 'yaml') return { kind: value };
  const m = value.match(/^jsonpath=(.*)$/s);
  if (m) {
    // Fail early on a template that does not parse, as kubectl does before fetching anything.
    try {
      compileJsonPath(m[1]);
    } catch (err) {
      if (err instanceof JsonPathError) throw new CliError(`error parsing jsonpath ${m[1]}, ${err.message}`);
      throw err;
    }
    return { kind: 'jsonpath', template: m[1] };
  }
  throw new CliError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`,
  );
}

/** kind and apiVersion filled in (list items come without them), managedFields hidden as kubectl hides them. */
export function forPrinting(obj: KubeObject, info: KindInfo): KubeObject {
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersionOf(info), kind: obj.kind ?? info.kind, metadata };
}

/**
 * Prints objects in a structured format. `single` is true when the user named exactly one object: that prints
 * bare; anything else prints as a List.
 */
export function printObjects(
  objects: readonly { obj: KubeObject; info: KindInfo }[],
  format: OutputFormat,
  single: boolean,
): string {
  const printable = objects.map(({ obj, info }) => forPrinting(obj, info));
  switch (format.kind) {
    case 'name':
      return objects.map(({ obj, info }) => `${objectRef(info, obj.metadata.name ?? '')}\n`).join('');
    case 'json':
    case 'yaml':
      return formatStructured(
        single && printable.length === 1 ? printable[0] : asList(printable),
        format.kind,
      );
    case 'jsonpath':
      return compileJsonPath(format.template)(
        single && printable.length === 1 ? printable[0] : asList(printable),
      );
    case 'table':
      throw new Error('tables are printed by get');
  }
}

export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
