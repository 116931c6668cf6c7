// Manifests given with -f: files, directories or `-` for stdin, each YAML (several documents separated by
// `---`) or JSON, a `kind: List` unpacked into its items, every object checked for apiVersion and kind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, type KubeObject, kindInfo } from '@kubesim/api';
import { parseAllDocuments } from 'yaml';
import { CliError } from '../errors.js';

export interface Manifest {
  /** Where the object came from, as kubectl names it in errors (`deploy.yaml`, `STDIN`). */
  source: string;
  object: KubeObject;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function loadManifests(
  paths: readonly string[],
  opts: { recursive?: boolean; stdin?: () => string } = {},
): Manifest[] {
  if (paths.length === 0) throw new CliError('must specify one of -f and -k');
  return paths.flatMap((path) => {
    if (path === '-') return parseManifests((opts.stdin ?? readStdin)(), 'STDIN');
    if (!existsSync(path)) throw new CliError(`the path "${path}" does not exist`);
    return filesOf(path, opts.recursive ?? false).flatMap((file) =>
      parseManifests(readFileSync(file, 'utf8'), file),
    );
  });
}

/**
 * Puts a namespaced object in the command's namespace unless it names its own; with an explicit -n the two must
 * agree. Cluster-scoped objects keep none.
 */
export function placeInNamespace(m: Manifest, namespace: string, explicit: boolean): KubeObject {
  const obj = structuredClone(m.object);
  const info = kindInfo(obj.kind);
  if (!info?.namespaced) {
    delete obj.metadata.namespace;
    return obj;
  }
  const own = obj.metadata.namespace;
  if (own && explicit && own !== namespace) {
    throw new CliError(
      `the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  obj.metadata.namespace = own || namespace;
  return obj;
}

function filesOf(path: string, recursive: boolean): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) return recursive ? filesOf(full, true) : [];
      return MANIFEST_EXTENSIONS.some((ext) => entry.endsWith(ext)) ? [full] : [];
    });
}

function readStdin(): string {
  return readFileSync(0, 'utf8');
}

/** Every object in one file's text, in document order; empty documents are skipped. */
export function parseManifests(text: string, source: string): Manifest[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  return list.flatMap((doc) => {
    if (doc.errors.length > 0) {
      throw new CliError(`error parsing ${source}: ${doc.errors[0].message.split('\n')[0]}`);
    }
    const value = doc.toJS() as unknown;
    return value === null || value === undefined ? [] : unpack(value, source);
  });
}

function unpack(value: unknown, source: string): Manifest[] {
  if (!isRecord(value))
    throw new CliError(`error validating "${source}": error validating data: not an object`);
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap((item) => unpack(item, source));
  }
  const missing = [
    typeof value.apiVersion === 'string' && value.apiVersion ? undefined : 'apiVersion not set',
    typeof value.kind === 'string' && value.kind ? undefined : 'kind not set',
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    throw new CliError(`error validating "${source}": error validating data: [${missing.join(', ')}]`);
  }
  const object = { metadata: {}, ...value } as KubeObject;
  if (!isRecord(object.metadata)) object.metadata = {};
  const info = kindInfo(object.kind);
  if (!info || `${info.group ? `${info.group}/` : ''}${info.version}` !== object.apiVersion) {
    throw new CliError(
      `resource mapping not found for name: "${object.metadata.name ?? ''}" namespace: "${object.metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
    );
  }
  return [{ source, object }];
}
