// Chooses the response representation from an Accept header: a meta.k8s.io Table (kubectl get), partial object
// metadata, or the object itself as JSON or YAML. The first servable entry wins. Protobuf is not spoken:
// clients that prefer it (typed clients send `application/vnd.kubernetes.protobuf,application/json`) get JSON,
// which they decode by the Content-Type.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { type MediaRange, parseAccept, rangeCovers } from './media-type.js';

export type MetaVersion = 'v1' | 'v1beta1';

export type ResponseFormat =
  | { as: 'object'; serialization: 'json' | 'yaml'; contentType: string }
  | { as: 'Table'; version: MetaVersion; contentType: string }
  | { as: 'PartialObjectMetadata'; version: MetaVersion; contentType: string };

const JSON_FORMAT: ResponseFormat = { as: 'object', serialization: 'json', contentType: 'application/json' };
const YAML_FORMAT: ResponseFormat = { as: 'object', serialization: 'yaml', contentType: 'application/yaml' };
const META_VERSIONS = new Set(['v1', 'v1beta1']);

export interface NegotiationContext {
  /** Watches stream JSON events; YAML cannot be streamed. */
  watch?: boolean;
}

function metaFormat(r: MediaRange): ResponseFormat | undefined {
  const { as, g, v } = r.params;
  if (g !== 'meta.k8s.io' || !META_VERSIONS.has(v) || !rangeCovers(r, 'application', 'json'))
    return undefined;
  const version = v as MetaVersion;
  const contentType = `application/json;as=${as};v=${version};g=meta.k8s.io`;
  if (as === 'Table') return { as: 'Table', version, contentType };
  if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
    return { as: 'PartialObjectMetadata', version, contentType };
  }
  return undefined;
}

function plainFormat(r: MediaRange, ctx: NegotiationContext): ResponseFormat | undefined {
  if (r.params.as !== undefined) return undefined;
  if (rangeCovers(r, 'application', 'json')) return JSON_FORMAT;
  if (!ctx.watch && r.type === 'application' && r.subtype === 'yaml') return YAML_FORMAT;
  return undefined;
}

const isProtobuf = (r: MediaRange) => r.type === 'application' && r.subtype === 'vnd.kubernetes.protobuf';

export function negotiateResponse(
  accept: string | undefined,
  ctx: NegotiationContext = {},
): E.Either<Status, ResponseFormat> {
  const ranges = parseAccept(accept);
  for (const r of ranges) {
    const format = r.params.as !== undefined ? metaFormat(r) : plainFormat(r, ctx);
    if (format) return E.right(format);
  }
  if (ranges.some(isProtobuf)) return E.right(JSON_FORMAT);
  return E.left(
    statusErrors.notAcceptable(
      'only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io',
    ),
  );
}
