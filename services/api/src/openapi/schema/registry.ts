// Turns the per-group declarations into one registry of fully qualified definitions, resolving short-name
// references, and answers lookups by definition name or by kind.
import type { KindInfo } from '@kubesim/api';
import { type FieldSchema, parseField, type TypeRef } from './notation.js';

/** One API package's definitions: short name → [description, field name → notation]. */
export interface GroupDefinitions {
  /** OpenAPI name prefix, e.g. io.k8s.api.apps.v1. */
  package: string;
  definitions: Record<string, [description: string, fields: Record<string, string>]>;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Definition {
  /** Fully qualified OpenAPI name, e.g. io.k8s.api.apps.v1.Deployment. */
  name: string;
  description: string;
  fields: Record<string, FieldSchema>;
  /** Set on the top-level schema of a kind the API serves. */
  gvk?: GroupVersionKind;
}

export class SchemaRegistry {
  private readonly byName = new Map<string, Definition>();
  private readonly byKind = new Map<string, Definition>();

  constructor(groups: readonly GroupDefinitions[], kinds: readonly KindInfo[]) {
    const qualified = new Map<string, string>();
    for (const g of groups) {
      for (const short of Object.keys(g.definitions)) {
        if (qualified.has(short)) throw new Error(`schema: definition ${short} declared twice`);
        qualified.set(short, `${g.package}.${short}`);
      }
    }
    const qualify = (t: TypeRef): TypeRef => {
      switch (t.kind) {
        case 'array':
          return { kind: 'array', items: qualify(t.items) };
        case 'map':
          return { kind: 'map', values: qualify(t.values) };
        case 'ref': {
          const name = qualified.get(t.name);
          if (!name) throw new Error(`schema: reference to undeclared definition ${t.name}`);
          return { kind: 'ref', name };
        }
        default:
          return t;
      }
    };
    for (const g of groups) {
      for (const [short, [description, specs]] of Object.entries(g.definitions)) {
        const fields: Record<string, FieldSchema> = {};
        for (const [field, spec] of Object.entries(specs)) {
          const parsed = parseField(spec);
          fields[field] = { ...parsed, type: qualify(parsed.type) };
        }
        const name = qualified.get(short)!;
        this.byName.set(name, { name, description, fields });
      }
    }
    for (const info of kinds) {
      const def = this.byName.get(kindSchemaName(info));
      if (!def) continue;
      def.gvk = { group: info.group, version: info.version, kind: info.kind };
      this.byKind.set(info.kind, def);
    }
  }

  definition(name: string): Definition | undefined {
    return this.byName.get(name);
  }

  /** The top-level schema of a served kind, e.g. Deployment → io.k8s.api.apps.v1.Deployment. */
  forKind(kind: string): Definition | undefined {
    return this.byKind.get(kind);
  }

  all(): Definition[] {
    return [...this.byName.values()];
  }

  /** Every definition reachable from the given ones, in a stable order (roots first, then discovery order). */
  closure(roots: readonly Definition[]): Definition[] {
    const seen = new Map<string, Definition>();
    const visit = (def: Definition) => {
      if (seen.has(def.name)) return;
      seen.set(def.name, def);
      for (const f of Object.values(def.fields)) {
        const ref = refOf(f.type);
        if (ref) visit(this.byName.get(ref)!);
      }
    };
    for (const r of roots) visit(r);
    return [...seen.values()];
  }
}

/** The definition a type finally points at, looking through lists and maps. */
export function refOf(t: TypeRef): string | undefined {
  if (t.kind === 'ref') return t.name;
  if (t.kind === 'array') return refOf(t.items);
  if (t.kind === 'map') return refOf(t.values);
  return undefined;
}

/** OpenAPI name of a kind's schema: the first label of the group names the Go package (core for ""). */
export function kindSchemaName(info: KindInfo): string {
  const pkg = info.group === '' ? 'core' : info.group.split('.')[0];
  return `io.k8s.api.${pkg}.${info.version}.${info.kind}`;
}
