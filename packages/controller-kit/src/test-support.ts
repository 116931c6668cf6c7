// Shared by the kit's tests: small valid objects, a store on a fresh cluster name, a silent logger, and a
// recorder of informer events.
import { Writable } from 'node:stream';
import type { KubeObject, OwnerReference } from '@kubesim/api';
import { Store } from '@kubesim/store';
import { type TestRedis, uniqueName } from '@kubesim/testing';
import type { Informer } from './informer/informer.js';
import { createLogger, type Logger } from './log.js';

/** A logger whose lines are kept in memory (and can be read back as objects). */
export function memoryLogger(component = 'test'): Logger & { lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  const log = createLogger(component, { level: 'debug', destination });
  return Object.assign(log, {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  });
}

export function connectStore(redis: TestRedis, cluster = uniqueName('kit')): Promise<Store> {
  return Store.connect({ url: redis.url, cluster });
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function pod(
  name: string,
  opts: { namespace?: string; labels?: Record<string, string>; owner?: KubeObject; nodeName?: string } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      ...(opts.labels ? { labels: opts.labels } : {}),
      ...(opts.owner ? { ownerReferences: [ownerRefTo(opts.owner)] } : {}),
    },
    spec: {
      containers: [{ name: 'app', image: 'nginx:1.25' }],
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
    },
  };
}

export function replicaSet(name: string, replicas: number, namespace = 'default'): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
    },
  };
}

export function configMap(
  name: string,
  data: Record<string, string> = {},
  namespace = 'default',
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

/** Records what an informer tells its handlers, as `add|update|delete Kind ns/name` lines. */
export function recordEvents(informer: Informer, kinds: string[]): string[] {
  const seen: string[] = [];
  const id = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  for (const kind of kinds) {
    informer.addEventHandler(kind, {
      onAdd: (o) => seen.push(`add ${id(o)}`),
      onUpdate: (_old, o) => seen.push(`update ${id(o)}`),
      onDelete: (o) => seen.push(`delete ${id(o)}`),
    });
  }
  return seen;
}

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were written in. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
}

/** Every object of the kinds in the store, as sorted canonical JSON, to compare with a cache. */
export async function storeSnapshot(store: Store, kinds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const kind of kinds) for (const o of (await store.list(kind)).items) out.push(canonicalJson(o));
  return out.sort();
}

export function cacheSnapshot(informer: Informer, kinds: string[]): string[] {
  return kinds.flatMap((kind) => informer.list(kind).map(canonicalJson)).sort();
}
