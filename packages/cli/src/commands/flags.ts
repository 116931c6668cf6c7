// Option parsers several commands share: repeatable flags, integers, kubectl's --dry-run strategies.
import { InvalidArgumentError } from 'commander';

/** Collects every occurrence of a repeatable flag (`-f a.yaml -f b.yaml`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be an integer');
  return n;
}

export type DryRun = 'none' | 'client' | 'server';

/** `--dry-run` alone means client (kubectl's deprecated form), otherwise none, client or server. */
export function dryRunStrategy(value: string | boolean | undefined): DryRun {
  if (value === undefined || value === false || value === 'none') return 'none';
  if (value === true || value === 'client') return 'client';
  if (value === 'server') return 'server';
  throw new InvalidArgumentError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** The suffix kubectl adds to result lines in a dry run. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** A boolean flag that also takes `=false` (`--wait=false`, `--watch=false`), as Go flags do. */
export function booleanValue(value: string): boolean {
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(value)) return true;
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(value)) return false;
  throw new InvalidArgumentError(`invalid boolean value "${value}"`);
}
