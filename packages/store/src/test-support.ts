// Shared by the store's tests: a store on a fresh cluster name, and small valid objects of several kinds.
import type { KubeObject } from '@kubesim/api';
import { type TestRedis, uniqueName } from '@kubesim/testing';
import { Store } from './store.js';

export function connectStore(redis: TestRedis, log?: (msg: string) => void): Promise<Store> {
  return Store.connect({ url: redis.url, cluster: uniqueName('store'), log: log && ((_l, msg) => log(msg)) });
}

const meta = (name: string, namespace: string | undefined, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  ...(labels ? { labels } : {}),
});

export function pod(name: string, namespace = 'default', spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, namespace),
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
  };
}

export function configMap(
  name: string,
  data: Record<string, string> = {},
  namespace = 'default',
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, namespace), data };
}

export function deployment(name: string, replicas = 1, namespace = 'default'): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, namespace, labels),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
    },
  };
}

export function node(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: meta(name, undefined), spec: {} };
}

/** Collects `n` events from an async iterator, failing instead of hanging past the deadline. */
export async function take<T>(it: AsyncIterator<T>, n: number, timeoutMs = 10_000): Promise<T[]> {
  const out: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < n) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`got ${out.length} of ${n} events in time`)),
        deadline - Date.now(),
      );
    });
    try {
      const r = await Promise.race([it.next(), timeout]);
      if (r.done) throw new Error(`iterator ended after ${out.length} of ${n} events`);
      out.push(r.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}
