// The resource arguments kubectl commands take: `TYPE`, `TYPE NAME…`, `TYPE1,TYPE2 [NAME…]`, `TYPE/NAME…` and
// the `all` category, resolved against the kind registry by plural, singular, short name or Kind.
import { KINDS, type KindInfo, resolveResource } from '@kubesim/api';
import { CliError } from '../errors.js';

export interface ObjectTarget {
  info: KindInfo;
  name: string;
}

export type ResourceSelection =
  /** Every object of these kinds (narrowed later by selectors and namespace). */
  | { kind: 'types'; types: KindInfo[] }
  /** These objects, in the order given. */
  | { kind: 'objects'; objects: ObjectTarget[] };

/**
 * Kinds in the `all` category in the order kubectl prints them: the order of discovery, which lists the core
 * group first and each group's resources alphabetically.
 */
export const ALL_CATEGORY: readonly KindInfo[] = KINDS.filter((k) => k.categories.includes('all')).sort(
  (a, b) =>
    Number(a.group !== '') - Number(b.group !== '') ||
    a.group.localeCompare(b.group) ||
    a.resource.localeCompare(b.resource),
);

export function resolveType(name: string): KindInfo[] {
  if (name.toLowerCase() === 'all') return [...ALL_CATEGORY];
  const info = resolveResource(name);
  if (!info) throw new CliError(`the server doesn't have a resource type "${name}"`);
  return [info];
}

export function parseResourceArgs(args: readonly string[]): ResourceSelection {
  if (args.length === 0) {
    throw new CliError(
      'You must specify the type of resource to get. Use "ksim api-resources" for a complete list of supported resources.',
    );
  }
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CliError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ksim get resource/<resource_name>' instead of 'ksim get resource resource/<resource_name>'",
      );
    }
    return { kind: 'objects', objects: args.map(parseTypeSlashName) };
  }
  const [typeArg, ...names] = args;
  const types = [...new Set(typeArg.split(',').filter(Boolean).flatMap(resolveType))];
  if (names.length === 0) return { kind: 'types', types };
  return { kind: 'objects', objects: types.flatMap((info) => names.map((name) => ({ info, name }))) };
}

/** `deployment/nginx` or `deployments.apps/nginx`. */
export function parseTypeSlashName(arg: string): ObjectTarget {
  const slash = arg.indexOf('/');
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  if (!type || !name)
    throw new CliError(`arguments in resource/name form must have a single resource and name`);
  const [info] = resolveType(type);
  if (type.toLowerCase() === 'all')
    throw new CliError(`arguments in resource/name form must have a single resource and name`);
  return { info, name };
}

/**
 * A command that acts on exactly one object (scale, edit, rollout…) accepts `TYPE/NAME` or `TYPE NAME`; the
 * same rules, but more than one type or name is refused.
 */
export function parseSingleObject(args: readonly string[]): ObjectTarget[] {
  const selection = parseResourceArgs(args);
  if (selection.kind === 'types') throw new CliError('required resource not specified');
  return selection.objects;
}
