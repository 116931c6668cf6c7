// The /version body. The kubectl on the project machines is a dispatcher that runs the bundled client whose
// minor equals ours, so a fixed, real minor keeps every test on the same client (kubectl-wire.md §1).

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export const KUBERNETES_MINOR = 32;

export function versionInfo(platform = 'linux/amd64'): VersionInfo {
  return {
    major: '1',
    minor: String(KUBERNETES_MINOR),
    gitVersion: `v1.${KUBERNETES_MINOR}.0`,
    gitCommit: 'kubesim',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform,
  };
}
