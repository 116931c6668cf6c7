// Where ksim connects: the API server and token (flags, then the environment, then the kubeconfig the launcher
// writes in KSIM_HOME, then http://127.0.0.1:8080), the namespace, and the event-log store for the commands that
// read the log directly.
import { readFileSync } from 'node:fs';
import { isRecord, isStatusError } from '@kubesim/api';
import { KubeClient } from '@kubesim/client';
import {
  DEFAULT_API_PORT,
  DEFAULT_CLUSTER,
  DEFAULT_REDIS_PORT,
  ksimPaths,
  privateRedisUrl,
  readProcessTable,
  resolveKsimHome,
} from '@kubesim/launcher';
import type { Store } from '@kubesim/store';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { CliError } from './errors.js';

export interface GlobalFlags {
  server?: string;
  token?: string;
  namespace?: string;
  insecureSkipTlsVerify?: boolean;
}

export interface Settings {
  server: string;
  token?: string;
  namespace: string;
  /** Accept any certificate from an https server (the API's self-signed one in token mode). */
  insecureSkipTlsVerify: boolean;
}

interface KubeconfigContext {
  server?: string;
  token?: string;
  namespace?: string;
  insecureSkipTlsVerify?: boolean;
}

/** The current context of a kubeconfig: its cluster's server, its user's token and its namespace. */
export function readKubeconfig(text: string): KubeconfigContext {
  const config = parse(text) as unknown;
  if (!isRecord(config)) return {};
  const named = (list: unknown, name: unknown, field: string): Record<string, unknown> => {
    const entry = Array.isArray(list) ? list.find((e) => isRecord(e) && e.name === name) : undefined;
    return isRecord(entry) && isRecord(entry[field]) ? entry[field] : {};
  };
  const context = named(config.contexts, config['current-context'], 'context');
  const cluster = named(config.clusters, context.cluster, 'cluster');
  const user = named(config.users, context.user, 'user');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    server: str(cluster.server),
    token: str(user.token),
    namespace: str(context.namespace),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
  };
}

export function resolveSettings(flags: GlobalFlags, env: NodeJS.ProcessEnv, cwd: string): Settings {
  const kubeconfig = loadKubeconfig(ksimPaths(resolveKsimHome(env, cwd)).kubeconfig);
  return {
    server: flags.server || env.KSIM_SERVER || kubeconfig.server || `http://127.0.0.1:${DEFAULT_API_PORT}`,
    token: flags.token || env.KSIM_API_TOKEN || kubeconfig.token,
    namespace: flags.namespace || kubeconfig.namespace || 'default',
    insecureSkipTlsVerify: Boolean(flags.insecureSkipTlsVerify || kubeconfig.insecureSkipTlsVerify),
  };
}

function loadKubeconfig(path: string): KubeconfigContext {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  return readKubeconfig(text);
}

export interface CommandContext {
  client: KubeClient;
  namespace: string;
  /** Whether -n was given, so objects from files must be in that namespace. */
  explicitNamespace: boolean;
  settings: Settings;
}

/** The client and namespace for a command, from the flags of the command and all its parents. */
export async function commandContext(cmd: Command): Promise<CommandContext> {
  const flags = cmd.optsWithGlobals<GlobalFlags>();
  const settings = resolveSettings(flags, process.env, process.cwd());
  if (settings.insecureSkipTlsVerify && settings.server.startsWith('https:')) {
    // fetch verifies certificates unless its dispatcher says otherwise; loaded only when needed.
    const { Agent, setGlobalDispatcher } = await import('undici');
    setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));
  }
  return {
    client: new KubeClient({ server: settings.server, token: settings.token }),
    namespace: settings.namespace,
    explicitNamespace: Boolean(flags.namespace),
    settings,
  };
}

/** Redis URL and cluster of the event log: REDIS_URL, else the launcher's private Redis. */
export function storeLocation(env: NodeJS.ProcessEnv, cwd: string): { url: string; cluster: string } {
  const table = readProcessTable(ksimPaths(resolveKsimHome(env, cwd)).home);
  return {
    url: env.REDIS_URL || table?.redisUrl || privateRedisUrl(DEFAULT_REDIS_PORT),
    cluster: env.KSIM_CLUSTER || table?.cluster || DEFAULT_CLUSTER,
  };
}

/**
 * Runs `fold`, which reads the event log from its start (replay, verify); once compaction has trimmed that start
 * it says so plainly instead of with the log's 410.
 */
export async function fromLogStart<T>(store: Store, what: string, fold: () => Promise<T>): Promise<T> {
  try {
    return await fold();
  } catch (err) {
    if (!isStatusError(err, 'Expired')) throw err;
    const compacted = await store.compactedRevision();
    throw new CliError(
      `${what} needs the event log from its start, but it is compacted up to revision ${compacted} (the API compacts it, keeping KSIM_COMPACTION_RETAIN revisions; KSIM_COMPACTION_INTERVAL=0 keeps it whole)`,
    );
  }
}

/** Runs `use` with a store connection, always closing it. The store (and Redis client) load only when needed. */
export async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const { Store } = await import('@kubesim/store');
  const store = await Store.connect(storeLocation(process.env, process.cwd()));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
