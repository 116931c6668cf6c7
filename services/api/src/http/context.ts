// What every handler gets: the parsed request, the response, the store, the node channels and a clock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContainerLogs, ExecSessions, Store } from '@kubesim/store';
import type { ListPages } from './list-pages.js';
import type { ResourceRequest } from './request-info.js';

export interface ApiContext {
  store: Store;
  sessions: ExecSessions;
  logs: ContainerLogs;
  now: () => Date;
  /** Lists kept for their later pages. */
  listPages: ListPages;
}

export interface ResourceCall {
  api: ApiContext;
  target: ResourceRequest;
  query: URLSearchParams;
  req: IncomingMessage;
  res: ServerResponse;
}
