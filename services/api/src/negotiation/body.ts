// Decodes request bodies: JSON, YAML or Kubernetes protobuf chosen by Content-Type, with parse failures reported
// as 400 Status errors the way the API server words them, never as exceptions.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { parseAllDocuments } from 'yaml';
import { decodeProtobufBody, PROTOBUF_MEDIA_TYPE } from '../protobuf/index.js';
import { essenceOf, parseMediaType } from './media-type.js';
import { checkNesting } from './nesting.js';

export type BodyFormat = 'json' | 'yaml' | 'protobuf';

const FORMATS: Record<string, BodyFormat> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  [PROTOBUF_MEDIA_TYPE]: 'protobuf',
};

export const ACCEPTED_BODY_TYPES = Object.keys(FORMATS);

export function unsupportedMediaType(accepted: readonly string[]): Status {
  return statusErrors.unsupportedMediaType(
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

/** The body format a Content-Type names; a missing Content-Type is read as JSON, anything else unknown is 415. */
export function bodyFormatOf(contentType: string | undefined): E.Either<Status, BodyFormat> {
  if (contentType === undefined || contentType.trim() === '') return E.right('json');
  const mt = parseMediaType(contentType);
  const format = mt && FORMATS[essenceOf(mt)];
  return format ? E.right(format) : E.left(unsupportedMediaType(ACCEPTED_BODY_TYPES));
}

export function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/** Parses JSON text; the left side is the parser's message. */
export function parseJson(text: string): E.Either<string, unknown> {
  try {
    return E.right(JSON.parse(text));
  } catch (err) {
    return E.left(text.trim() === '' ? 'unexpected end of JSON input' : (err as Error).message);
  }
}

/**
 * Parses a single YAML document with YAML 1.1 scalars (yes/no are booleans), as Kubernetes' YAML decoder does.
 * The left side is the parser's message.
 */
export function parseYaml(text: string): E.Either<string, unknown> {
  const docs = parseAllDocuments(text, { version: '1.1' });
  if (docs.length > 1) return E.left('expected a single YAML document, found several');
  const [doc] = docs;
  if (!doc) return E.right(null);
  const error = doc.errors[0];
  if (error) return E.left(`yaml: ${error.message.split('\n')[0].replace(/:$/, '')}`);
  return E.right(doc.toJS({ maxAliasCount: 100 }));
}

function decodeAs(format: BodyFormat, body: string | Uint8Array): E.Either<Status, unknown> {
  switch (format) {
    case 'json':
      return E.mapLeft((m: string) =>
        statusErrors.badRequest(`couldn't get version/kind; json parse error: ${m}`),
      )(parseJson(bodyText(body)));
    case 'yaml':
      return E.mapLeft((m: string) => statusErrors.badRequest(`error converting YAML to JSON: ${m}`))(
        parseYaml(bodyText(body)),
      );
    case 'protobuf':
      return decodeProtobufBody(typeof body === 'string' ? new TextEncoder().encode(body) : body);
  }
}

/**
 * Decodes an object body (create, update, status, scale, binding, eviction, delete options) by its
 * Content-Type.
 */
export function decodeBody(
  contentType: string | undefined,
  body: string | Uint8Array,
): E.Either<Status, unknown> {
  return pipe(
    bodyFormatOf(contentType),
    E.chain((format: BodyFormat) => decodeAs(format, body)),
    E.chain(checkNesting),
  );
}
