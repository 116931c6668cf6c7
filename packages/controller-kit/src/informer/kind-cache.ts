// One kind's slice of an informer cache: objects by namespace and name, plus inverted indexes from index
// values to the objects under them (client-go's thread-safe store with its indexers). Objects are held as
// given, frozen and shared; index sets hold the objects themselves, not keys, so an index costs one slot per
// value.
import type { KubeObject } from '@kubesim/api';
import { type IndexFunc, NAMESPACE_INDEX } from './indexes.js';

interface Index {
  fn: IndexFunc;
  values: Map<string, Set<KubeObject>>;
}

export class KindCache {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  private readonly indexes = new Map<string, Index>();
  private count = 0;

  constructor(
    readonly kind: string,
    indexers: Readonly<Record<string, IndexFunc>>,
  ) {
    for (const [name, fn] of Object.entries(indexers)) this.addIndexer(name, fn);
  }

  get size(): number {
    return this.count;
  }

  /** Adds an index, indexing what the cache already holds. */
  addIndexer(name: string, fn: IndexFunc): void {
    if (name === NAMESPACE_INDEX || this.indexes.has(name)) {
      throw new Error(`${this.kind}: index "${name}" already exists`);
    }
    const index: Index = { fn, values: new Map() };
    this.indexes.set(name, index);
    for (const obj of this.objects()) addToIndex(index, obj);
  }

  hasIndex(name: string): boolean {
    return name === NAMESPACE_INDEX || this.indexes.has(name);
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  /** Stores `obj` in place of its previous version, which it returns. */
  upsert(obj: KubeObject): KubeObject | undefined {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    let names = this.byNamespace.get(ns);
    if (!names) {
      names = new Map();
      this.byNamespace.set(ns, names);
    }
    const old = names.get(name);
    names.set(name, obj);
    if (!old) this.count++;
    for (const index of this.indexes.values()) {
      if (old) removeFromIndex(index, old);
      addToIndex(index, obj);
    }
    return old;
  }

  /** Removes the object and returns what was stored. */
  remove(namespace: string, name: string): KubeObject | undefined {
    const names = this.byNamespace.get(namespace);
    const old = names?.get(name);
    if (!names || !old) return undefined;
    names.delete(name);
    if (names.size === 0) this.byNamespace.delete(namespace);
    this.count--;
    for (const index of this.indexes.values()) removeFromIndex(index, old);
    return old;
  }

  /** Every object, or those of one namespace. */
  list(namespace?: string): KubeObject[] {
    if (namespace !== undefined) return [...(this.byNamespace.get(namespace)?.values() ?? [])];
    return [...this.objects()];
  }

  byIndex(indexName: string, value: string): KubeObject[] {
    if (indexName === NAMESPACE_INDEX) return this.list(value);
    const index = this.indexes.get(indexName);
    if (!index) throw new Error(`${this.kind}: no index named "${indexName}"`);
    return [...(index.values.get(value) ?? [])];
  }

  /** Values currently present in an index (for diagnostics and tests). */
  indexValues(indexName: string): string[] {
    if (indexName === NAMESPACE_INDEX) return [...this.byNamespace.keys()];
    return [...(this.indexes.get(indexName)?.values.keys() ?? [])];
  }

  *objects(): IterableIterator<KubeObject> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }
}

function addToIndex(index: Index, obj: KubeObject): void {
  for (const v of index.fn(obj)) {
    let set = index.values.get(v);
    if (!set) {
      set = new Set();
      index.values.set(v, set);
    }
    set.add(obj);
  }
}

function removeFromIndex(index: Index, obj: KubeObject): void {
  for (const v of index.fn(obj)) {
    const set = index.values.get(v);
    if (!set) continue;
    set.delete(obj);
    if (set.size === 0) index.values.delete(v);
  }
}
