// Content negotiation for /api and /apis. Clients recognise aggregated discovery by the response Content-Type
// alone, so the answer names the exact version chosen; a v2 body sent to a v2beta1-only client (kubectl
// 1.27–1.29) would leave it without resources.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { parseAccept, rangeCovers } from '../negotiation/media-type.js';
import type { AggregatedVersion } from './aggregated.js';

/** Aggregated versions this server speaks, newest first. */
export const AGGREGATED_VERSIONS: readonly AggregatedVersion[] = ['v2', 'v2beta1'];

export type DiscoveryFormat =
  | { format: 'aggregated'; version: AggregatedVersion; contentType: string }
  | { format: 'legacy'; contentType: 'application/json' };

export function aggregatedContentType(version: AggregatedVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/**
 * Walks the Accept list in preference order and picks the first APIGroupDiscoveryList entry whose version is
 * served; otherwise legacy JSON when the client accepts plain JSON; otherwise 406.
 */
export function negotiateDiscovery(accept: string | undefined): E.Either<Status, DiscoveryFormat> {
  const ranges = parseAccept(accept);
  for (const r of ranges) {
    const version = r.params.v as AggregatedVersion;
    if (
      r.type === 'application' &&
      r.subtype === 'json' &&
      r.params.as === 'APIGroupDiscoveryList' &&
      r.params.g === 'apidiscovery.k8s.io' &&
      AGGREGATED_VERSIONS.includes(version)
    ) {
      return E.right({ format: 'aggregated', version, contentType: aggregatedContentType(version) });
    }
  }
  if (ranges.some((r) => r.params.as === undefined && rangeCovers(r, 'application', 'json'))) {
    return E.right({ format: 'legacy', contentType: 'application/json' });
  }
  return E.left(
    statusErrors.notAcceptable(
      `only the following media types are accepted: application/json, ${AGGREGATED_VERSIONS.map(aggregatedContentType).join(', ')}`,
    ),
  );
}
