// The kubesim API server: Kubernetes-shaped REST over the store. Routes fixed paths (version, health,
// discovery, OpenAPI) and resource requests to their handlers; every failure leaves as a Status.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { statusErrors } from '@kubesim/api';
import type { ContainerLogs, ExecSessions, Store } from '@kubesim/store';
import type { ApiContext, ResourceCall } from './context.js';
import { createExecUpgradeHandler } from './exec.js';
import { serveFixedPath } from './fixed-paths.js';
import { ListPages } from './list-pages.js';
import {
  createObject,
  deleteCollection,
  deleteObject,
  getObject,
  listObjects,
  patchObject,
  updateObject,
} from './objects.js';
import { parseRequestPath } from './request-info.js';
import { splitRequestTarget } from './request-target.js';
import { sendStatus, toStatus } from './respond.js';
import { serveSubresource } from './subresources.js';
import type { ServingCert } from './tls.js';
import { watchObjects } from './watch.js';

export interface ApiServerOptions {
  store: Store;
  sessions: ExecSessions;
  logs: ContainerLogs;
  host?: string;
  port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Serve https with this certificate (token mode: kubectl sends credentials only over https). */
  tls?: ServingCert;
  now?: () => Date;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

const isTrue = (v: string | null) => v === 'true' || v === '1';

async function route(api: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = splitRequestTarget(req.url);
  const target = parseRequestPath(url.pathname);
  if (target.type === 'path') return serveFixedPath(api, target.path, req, res);
  if (target.type === 'unknown-resource') {
    return sendStatus(res, statusErrors.notFound({ group: target.group, resource: target.resource }, ''));
  }
  const call: ResourceCall = { api, target, query: url.searchParams, req, res };
  const method = req.method ?? 'GET';
  const { name, subresource } = target;
  if (subresource && subresource !== 'status') return serveSubresource(call);
  if (method === 'GET') {
    if (isTrue(url.searchParams.get('watch'))) return watchObjects(call);
    return name ? getObject(call) : listObjects(call);
  }
  if (method === 'POST' && !name) return createObject(call);
  if (method === 'PUT' && name) return updateObject(call);
  if (method === 'PATCH' && name) return patchObject(call);
  if (method === 'DELETE') return name ? deleteObject(call) : deleteCollection(call);
  sendStatus(
    res,
    statusErrors.methodNotAllowed(`the server does not allow this method on the requested resource`),
  );
}

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  return token === undefined || req.headers.authorization === `Bearer ${token}`;
}

export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  const api: ApiContext = {
    store: opts.store,
    sessions: opts.sessions,
    logs: opts.logs,
    now: opts.now ?? (() => new Date()),
    listPages: new ListPages(),
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req, opts.token)) return sendStatus(res, statusErrors.unauthorized());
    route(api, req, res).catch((err) => sendStatus(res, toStatus(err)));
  };
  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, handle)
    : createHttpServer(handle);
  // Upgraded connections (exec, attach) leave the HTTP server's keeping; close() ends them itself.
  const upgraded = new Set<Duplex>();
  const upgrade = createExecUpgradeHandler(api, (req) => authorized(req, opts.token));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    return upgrade(req, socket, head);
  });
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
      }),
  };
}
