// Int-or-percent values (k8s.io/apimachinery util/intstr) and the rollout fenceposts derived from them: how many
// pods a Deployment or DaemonSet update may add above, or take below, the desired count.
import * as E from 'fp-ts/Either';

export type IntOrString = number | string;

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function ceilDiv(a: number, b: number): number {
  return -Math.floor(-a / b);
}

/**
 * GetScaledValueFromIntOrPercent: an int is used as is; a string must be "<n>%" and yields total × n / 100,
 * rounded up or down. Anything else is an error, as in Go.
 */
export function resolveIntOrPercent(
  v: IntOrString | undefined | null,
  total: number,
  roundUp: boolean,
): E.Either<string, number> {
  if (v === undefined || v === null) return E.left('nil value for IntOrString');
  if (typeof v === 'number')
    return Number.isInteger(v) ? E.right(v) : E.left(`invalid value for IntOrString: ${v}`);
  if (typeof v !== 'string') return E.left('invalid type: neither int nor percentage');
  if (!v.endsWith('%')) return E.left('invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(digits)) {
    return E.left(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`,
    );
  }
  const percent = Number.parseInt(digits, 10);
  return E.right(roundUp ? ceilDiv(percent * total, 100) : floorDiv(percent * total, 100));
}

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * Deployment ResolveFenceposts: surge rounds up, unavailability rounds down, both against desired replicas; if
 * both come to 0, one pod may be unavailable (surge might be blocked by quota). Absent values count as 0.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined | null,
  maxUnavailable: IntOrString | undefined | null,
  desired: number,
): E.Either<string, Fenceposts> {
  const surge = resolveIntOrPercent(maxSurge ?? 0, desired, true);
  if (E.isLeft(surge)) return surge;
  const unavailable = resolveIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (E.isLeft(unavailable)) return unavailable;
  return E.right({
    maxSurge: surge.right,
    maxUnavailable: surge.right === 0 && unavailable.right === 0 ? 1 : unavailable.right,
  });
}

/**
 * DaemonSet variant (daemon util UnavailableCount/SurgeCount and update.go): both round up against the number of
 * nodes that should run a pod; with some such node and both at 0, one may be unavailable.
 */
export function resolveDaemonSetFenceposts(
  maxSurge: IntOrString | undefined | null,
  maxUnavailable: IntOrString | undefined | null,
  desiredNumberScheduled: number,
): E.Either<string, Fenceposts> {
  const surge = resolveIntOrPercent(maxSurge ?? 0, desiredNumberScheduled, true);
  if (E.isLeft(surge)) return surge;
  const unavailable = resolveIntOrPercent(maxUnavailable ?? 0, desiredNumberScheduled, true);
  if (E.isLeft(unavailable)) return unavailable;
  const bothZero = surge.right === 0 && unavailable.right === 0;
  return E.right({
    maxSurge: surge.right,
    maxUnavailable: desiredNumberScheduled > 0 && bothZero ? 1 : unavailable.right,
  });
}

interface DeploymentStrategyLike {
  replicas?: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
}

/** deployment_util MaxSurge: 0 unless RollingUpdate. */
export function deploymentMaxSurge(spec: DeploymentStrategyLike): number {
  if (spec.strategy?.type !== 'RollingUpdate') return 0;
  const ru = spec.strategy.rollingUpdate;
  const f = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, spec.replicas ?? 1);
  return E.isRight(f) ? f.right.maxSurge : 0;
}

/** deployment_util MaxUnavailable: 0 unless RollingUpdate or with 0 replicas, never above replicas. */
export function deploymentMaxUnavailable(spec: DeploymentStrategyLike): number {
  const replicas = spec.replicas ?? 1;
  if (spec.strategy?.type !== 'RollingUpdate' || replicas === 0) return 0;
  const ru = spec.strategy.rollingUpdate;
  const f = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  return E.isRight(f) ? Math.min(f.right.maxUnavailable, replicas) : 0;
}

/** Go's math.Round and k8s.io/utils/integer.RoundToInt32: halves go away from zero (−2.5 → −3). */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
