// The store's public contract. Controller-kit, the API service and the CLI program against this.
import type { KubeObject } from '@kubesim/api';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One entry of the cluster's event log. `revision` is the cluster-wide counter; it equals the
 *  object's metadata.resourceVersion (for DELETED: the revision of the deletion). */
export interface LogEvent<T extends KubeObject = KubeObject> {
  type: EventType;
  kind: string;
  namespace: string;
  name: string;
  revision: number;
  object: T;
}

/** A log entry whose object is still the JSON text it was stored as (replay parses only what survives). */
export interface RawLogEvent {
  type: EventType;
  kind: string;
  /** `namespace/name`, or `name` for cluster-scoped kinds. */
  key: string;
  revision: number;
  json: string;
}

/** Turns an object's stored JSON into what a read hands out (JSON.parse unless the reader says otherwise). A
 *  reader that only passes objects on can keep the text (`(json) => json`: a list then costs the transfer only);
 *  one that keeps them can parse them into shared structure at once. */
export type Decode<T> = (json: string) => T;

export interface ListOptions<T = KubeObject> {
  /** Only this namespace's objects (namespaced kinds). */
  namespace?: string;
  decode?: Decode<T>;
}

export interface ListResult<T = KubeObject> {
  items: T[];
  /** The revision the list was read at: a watch from here misses and repeats nothing. */
  revision: number;
}

export interface WriteOptions {
  /** Validate and return what would be written, writing nothing (dryRun=All). */
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  /** Pods bound to a node are deleted gracefully when > 0; 0 removes at once. */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

export interface DeleteResult<T extends KubeObject = KubeObject> {
  /** The object as last written: removed (with the deletion revision) or marked for deletion. */
  object: T;
  /** true when the object is gone from the projection; false when it only got a deletionTimestamp. */
  removed: boolean;
}

export interface WatchOptions {
  /** Deliver events with revision > fromRevision. Older than the compacted head → 410 Gone (StatusError). */
  fromRevision: number;
  /** Only these kinds (default: all). */
  kinds?: string[];
}

export interface Watch {
  /** Events in revision order, never skipped or repeated, across Redis reconnects and restarts. */
  [Symbol.asyncIterator](): AsyncIterator<LogEvent>;
  /** Log position reached: the revision of the last event delivered or passed over by the kinds filter
   *  (initially fromRevision). A new watch from here misses and repeats nothing. */
  readonly revision: number;
  stop(): void;
}

export interface Lease {
  name: string;
  holder: string;
  /** Epoch ms at which the lease lapses unless renewed. */
  expiresAt: number;
}
