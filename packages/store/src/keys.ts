// Redis key names of one cluster's objects, log and leases. The cluster name is a hash tag, so every key of a
// cluster lands in one Redis Cluster slot: each write script touches several of them atomically.

export interface ClusterKeys {
  /** INCR'd cluster-wide revision: an object's resourceVersion is the revision of its last write. */
  revision: string;
  /** The event log stream; entry ID `<revision>-0`. */
  log: string;
  /** Highest revision trimmed from the log: watches and reads from below it answer 410. */
  compacted: string;
  /** Prefix of the log's event index: chunk n holds the lines of revisions 2000n+1..2000n+2000 (write.lua). */
  eventIndex: string;
  /** Projection of the log for one kind: field `namespace/name` (or `name`), value the object's JSON. */
  objects(kind: string): string;
  lease(name: string): string;
  /** A cache snapshot (see Store.saveSnapshot): a list of the revision, then the chunks. */
  snapshot(name: string): string;
}

export function clusterKeys(cluster: string): ClusterKeys {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(cluster)) {
    throw new Error(
      `invalid cluster name ${JSON.stringify(cluster)}: letters, digits, '.', '_' and '-' only`,
    );
  }
  const prefix = `ksim:{${cluster}}:`;
  return {
    revision: `${prefix}revision`,
    log: `${prefix}log`,
    compacted: `${prefix}compacted`,
    eventIndex: `${prefix}events:`,
    objects: (kind) => `${prefix}objects:${kind}`,
    lease: (name) => `${prefix}lease:${name}`,
    snapshot: (name) => `${prefix}snapshot:${name}`,
  };
}
