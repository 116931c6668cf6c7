// Typed HTTP client for the kubesim API (used by the CLI, tests and the dashboard). Errors come back as
// StatusError carrying the server's Status; watches are async iterables of events.
import type { KubeList, KubeObject, Status } from '@kubesim/api';
import { StatusError, statusErrors } from '@kubesim/api';
import { collectionPath, infoFor, objectPath } from './paths.js';
import { readJsonLines } from './watch-stream.js';

export type PatchType = 'strategic' | 'merge' | 'json' | 'apply';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WatchOptions extends ListOptions {
  resourceVersion?: string;
  timeoutSeconds?: number;
  signal?: AbortSignal;
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

export interface ClientOptions {
  server: string;
  token?: string;
}

export class KubeClient {
  constructor(private readonly opts: ClientOptions) {}

  get server(): string {
    return this.opts.server;
  }

  async request(
    method: string,
    path: string,
    init: { body?: unknown; contentType?: string; accept?: string } = {},
  ) {
    const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
    if (this.opts.token) headers.Authorization = `Bearer ${this.opts.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['Content-Type'] = init.contentType ?? 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(new URL(path, this.opts.server), { method, headers, body });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new StatusError(
        statusErrors.unavailable(`The connection to the server ${this.opts.server} was refused (${cause})`),
      );
    }
    return res;
  }

  private async json<T>(
    method: string,
    path: string,
    init: Parameters<KubeClient['request']>[2] = {},
  ): Promise<T> {
    const res = await this.request(method, path, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new StatusError(
        statusErrors.internal(`unparseable response (${res.status}): ${text.slice(0, 200)}`),
      );
    }
    if (!res.ok) throw new StatusError(asStatus(parsed, res.status, text));
    return parsed as T;
  }

  get<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    subresource?: string,
  ): Promise<T> {
    return this.json('GET', objectPath(infoFor(kind), namespace, name, subresource));
  }

  list<T extends KubeObject>(kind: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    return this.json('GET', withQuery(collectionPath(infoFor(kind), opts.namespace), listQuery(opts)));
  }

  /** Raw GET returning any JSON, with a chosen Accept (e.g. a Table). */
  getPath<T>(path: string, accept?: string): Promise<T> {
    return this.json('GET', path, { accept });
  }

  create<T extends KubeObject>(obj: T, query: Record<string, string> = {}): Promise<T> {
    const info = infoFor(obj.kind);
    return this.json('POST', withQuery(collectionPath(info, obj.metadata.namespace), query), { body: obj });
  }

  update<T extends KubeObject>(obj: T, subresource?: string): Promise<T> {
    const info = infoFor(obj.kind);
    return this.json('PUT', objectPath(info, obj.metadata.namespace, obj.metadata.name ?? '', subresource), {
      body: obj,
    });
  }

  patch<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: { subresource?: string; query?: Record<string, string> } = {},
  ): Promise<T> {
    const path = withQuery(objectPath(infoFor(kind), namespace, name, opts.subresource), opts.query ?? {});
    return this.json('PATCH', path, { body: patch, contentType: PATCH_CONTENT_TYPES[type] });
  }

  delete<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    options: object = {},
  ): Promise<T> {
    return this.json('DELETE', objectPath(infoFor(kind), namespace, name), {
      body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options },
    });
  }

  /** Streams watch events until the server ends the stream or the signal aborts. */
  watch<T extends KubeObject>(kind: string, opts: WatchOptions = {}): AsyncGenerator<WatchEvent<T>> {
    const query = { ...listQuery(opts), watch: 'true' } as Record<string, string>;
    if (opts.resourceVersion !== undefined) query.resourceVersion = opts.resourceVersion;
    if (opts.timeoutSeconds !== undefined) query.timeoutSeconds = String(opts.timeoutSeconds);
    const path = withQuery(collectionPath(infoFor(kind), opts.namespace), query);
    return this.watchPath<WatchEvent<T>>(path, { signal: opts.signal });
  }

  /**
   * Watches any collection path (query included) with a chosen Accept, e.g. a Table watch for `get -w`; yields
   * each event as the server sent it, until the stream ends or the signal aborts.
   */
  async *watchPath<E = WatchEvent>(
    path: string,
    opts: { accept?: string; signal?: AbortSignal } = {},
  ): AsyncGenerator<E> {
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
    if (this.opts.token) headers.Authorization = `Bearer ${this.opts.token}`;
    const res = await fetch(new URL(path, this.opts.server), { headers, signal: opts.signal });
    if (!res.ok || !res.body) {
      const text = await res.text();
      throw new StatusError(asStatus(safeParse(text), res.status, text));
    }
    try {
      yield* readJsonLines<E>(res.body);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    }
  }
}

function listQuery(opts: ListOptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (opts.labelSelector) q.labelSelector = opts.labelSelector;
  if (opts.fieldSelector) q.fieldSelector = opts.fieldSelector;
  if (opts.limit !== undefined) q.limit = String(opts.limit);
  if (opts.continue) q.continue = opts.continue;
  return q;
}

function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asStatus(parsed: unknown, code: number, text: string): Status {
  const p = parsed as Partial<Status> | undefined;
  if (p && p.kind === 'Status') return p as Status;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: text || `HTTP ${code}`,
    code,
  };
}
