// Public surface of content negotiation: media types and Accept headers, request bodies, response formats and
// query options.
export {
  ACCEPTED_BODY_TYPES,
  type BodyFormat,
  bodyFormatOf,
  bodyText,
  decodeBody,
  parseJson,
  parseYaml,
  unsupportedMediaType,
} from './body.js';
export {
  essenceOf,
  type MediaRange,
  type MediaType,
  parseAccept,
  parseMediaType,
  rangeCovers,
} from './media-type.js';
export { checkNesting, MAX_NESTING } from './nesting.js';
export {
  type DeleteOptions,
  type ListOptions,
  type PropagationPolicy,
  parseDeleteOptions,
  parseGoDuration,
  parseListOptions,
  parseRequestTimeout,
  parseWriteOptions,
  type ResourceVersionMatch,
  type WriteOperation,
  type WriteOptions,
} from './query.js';
export {
  type MetaVersion,
  type NegotiationContext,
  negotiateResponse,
  type ResponseFormat,
} from './response.js';
