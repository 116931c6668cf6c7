// `--record`: the command line written to the kubernetes.io/change-cause annotation, normalized as kubectl does
// it: the program name, the positional arguments, then every flag given in its long form as `--name=value`.
import { CHANGE_CAUSE_ANNOTATION, type KubeObject } from '@kubesim/api';
import type { Command } from 'commander';

export interface FlagSpec {
  short?: string;
  long: string;
  takesValue: boolean;
}

export function normalizedCommand(
  program: string,
  argv: readonly string[],
  flags: readonly FlagSpec[],
): string {
  const byName = new Map<string, FlagSpec>();
  for (const f of flags) {
    byName.set(f.long, f);
    if (f.short) byName.set(f.short, f);
  }
  const positional: string[] = [];
  const given: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const spec = byName.get(name) ?? byName.get(name.slice(0, 2));
    if (!spec) {
      given.push(` ${token}`);
      continue;
    }
    let value: string;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (!spec.takesValue) value = 'true';
    else if (name.length > 2 && !name.startsWith('--'))
      value = name.slice(2); // -fdeploy.yaml
    else value = argv[++i] ?? '';
    given.push(` ${spec.long}=${value}`);
  }
  return [program, ...positional].join(' ') + given.join('');
}

/** The normalized command line of the running `ksim` invocation, for the command being run. */
export function changeCause(cmd: Command): string {
  const flags: FlagSpec[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const o of c.options) {
      if (o.long) flags.push({ short: o.short, long: o.long, takesValue: o.required || o.optional });
    }
  }
  return normalizedCommand('ksim', process.argv.slice(2), flags);
}

/** Sets the change-cause annotation on an object about to be sent. */
export function recordChangeCause(obj: KubeObject, cause: string): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause };
}
