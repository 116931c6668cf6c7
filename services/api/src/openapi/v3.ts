// OpenAPI v3 as the API server serves it: an index at /openapi/v3 pointing at one document per group-version
// (with a content hash in the URL so clients can cache), each holding the paths of its kinds and the component
// schemas they reference. Enough for kubectl's server-side field validation and for `kubectl explain`.
import { createHash } from 'node:crypto';
import { KINDS, type KindInfo } from '@kubesim/api';
import { KUBERNETES_MINOR } from '../discovery/version.js';
import { definitionSchema, type JsonSchema, listSchema, WELL_KNOWN_SCHEMAS } from './components.js';
import { kindPaths, SCALE_SCHEMA } from './paths.js';
import { type Definition, SCHEMAS } from './schema/index.js';

export interface OpenAPIV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}

export interface OpenAPIV3Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, JsonSchema>;
  components: { schemas: Record<string, JsonSchema> };
}

interface Published {
  document: OpenAPIV3Document;
  hash: string;
}

/** The index key of a group-version: `api/v1` for core, `apis/<group>/<version>` otherwise. */
export function groupVersionPath(info: Pick<KindInfo, 'group' | 'version'>): string {
  return info.group === '' ? `api/${info.version}` : `apis/${info.group}/${info.version}`;
}

function buildDocument(kinds: KindInfo[]): OpenAPIV3Document {
  const roots: Definition[] = [];
  const paths: Record<string, JsonSchema> = {};
  for (const info of kinds) {
    const def = SCHEMAS.forKind(info.kind);
    if (!def) continue;
    roots.push(def);
    Object.assign(paths, kindPaths(info, def.name));
  }
  if (kinds.some((k) => k.scaleSubresource)) roots.push(SCHEMAS.definition(SCALE_SCHEMA)!);
  roots.push(SCHEMAS.definition('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta')!);
  const schemas: Record<string, JsonSchema> = { ...WELL_KNOWN_SCHEMAS };
  for (const def of SCHEMAS.closure(roots)) {
    schemas[def.name] = definitionSchema(def);
    if (def.gvk && kinds.some((k) => k.kind === def.gvk?.kind)) schemas[`${def.name}List`] = listSchema(def);
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: `v1.${KUBERNETES_MINOR}.0` },
    paths,
    components: { schemas },
  };
}

function publish(): Map<string, Published> {
  const byPath = new Map<string, KindInfo[]>();
  for (const info of KINDS) {
    const key = groupVersionPath(info);
    byPath.set(key, [...(byPath.get(key) ?? []), info]);
  }
  const published = new Map<string, Published>();
  for (const [key, kinds] of byPath) {
    const document = buildDocument(kinds);
    const hash = createHash('sha512').update(JSON.stringify(document)).digest('hex').toUpperCase();
    published.set(key, { document, hash });
  }
  return published;
}

let cache: Map<string, Published> | undefined;
const published = () => (cache ??= publish());

/** GET /openapi/v3. */
export function openApiV3Index(): OpenAPIV3Index {
  const paths: OpenAPIV3Index['paths'] = {};
  for (const [key, { hash }] of published())
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  return { paths };
}

/** GET /openapi/v3/<group-version path>, e.g. `apis/apps/v1`; undefined for a group-version not served. */
export function openApiV3Document(path: string): { document: OpenAPIV3Document; hash: string } | undefined {
  return published().get(path.replace(/^\/+|\/+$/g, '').replace(/^openapi\/v3\//, ''));
}
