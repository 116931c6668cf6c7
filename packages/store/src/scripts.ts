// Registers the store's Lua scripts (src/lua/*.lua, one per Redis-side operation) on an ioredis client once;
// ioredis runs them by EVALSHA and falls back to EVAL when a restarted Redis has lost its script cache.
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** Script name → number of KEYS it takes (documented in each file's header). */
const KEY_COUNTS = {
  write: 4,
  listNamespace: 2,
  compact: 4,
  acquireLease: 1,
  releaseLease: 1,
  saveSnapshot: 1,
  logEvents: 1,
  logObjects: 1,
} as const;

export type ScriptName = keyof typeof KEY_COUNTS;

const fileOf = (name: string) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.lua`;

const sources = Object.fromEntries(
  Object.keys(KEY_COUNTS).map((name) => [
    name,
    readFileSync(new URL(`./lua/${fileOf(name)}`, import.meta.url), 'utf8'),
  ]),
) as Record<ScriptName, string>;

const commandName = (name: ScriptName) => `ksim_${name}`;

export function defineScripts(redis: Redis): void {
  for (const name of Object.keys(KEY_COUNTS) as ScriptName[]) {
    redis.defineCommand(commandName(name), { numberOfKeys: KEY_COUNTS[name], lua: sources[name] });
  }
}

type ScriptCommand = (...args: (string | number)[]) => Promise<unknown>;

/** Runs a script defined by defineScripts; `keys` must have the length its header documents. */
export function runScript<T>(
  redis: Redis,
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
): Promise<T> {
  const command = (redis as unknown as Record<string, ScriptCommand>)[commandName(name)];
  return command.call(redis, ...keys, ...args) as Promise<T>;
}
