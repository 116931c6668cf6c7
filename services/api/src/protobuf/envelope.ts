// Decodes a Kubernetes protobuf request body: the magic bytes, then a runtime.Unknown envelope whose typeMeta
// names the object and whose raw bytes are the object's message. The result is the object as JSON, with kind
// and apiVersion, as the API server's JSON decoding of the same object would give.
import { type Status, statusErrors } from '@kubesim/api';
import * as E from 'fp-ts/Either';
import { type DecodeContext, decodeMessage, type JsonObject } from './decode.js';
import { hasProtobufMagic, PROTOBUF_MAGIC } from './magic.js';
import { MESSAGES, topLevelMessage } from './registry.js';
import { ProtobufError, WireReader, WireType } from './wire.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** A body whose type kubesim has no message table for: 415, the client should send JSON instead. */
class UnsupportedKindError extends Error {}

interface Unknown {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
}

function readUnknown(bytes: Uint8Array): Unknown {
  const out: Unknown = { apiVersion: '', kind: '', raw: new Uint8Array(), contentEncoding: '' };
  const r = new WireReader(bytes, PROTOBUF_MAGIC.length);
  while (!r.done) {
    const { field, wireType } = r.tag();
    if (field > 4) {
      r.skip(wireType);
      continue;
    }
    if (wireType !== WireType.LengthDelimited) {
      throw new ProtobufError(`proto: Unknown: wrong wireType = ${wireType} for field ${field}`);
    }
    if (field === 1) readTypeMeta(r.lengthDelimited(), out);
    else if (field === 2) out.raw = r.lengthDelimited();
    else if (field === 3) out.contentEncoding = r.string();
    else r.lengthDelimited();
  }
  return out;
}

function readTypeMeta(bytes: Uint8Array, into: Unknown): void {
  const r = new WireReader(bytes);
  while (!r.done) {
    const { field, wireType } = r.tag();
    if ((field === 1 || field === 2) && wireType === WireType.LengthDelimited) {
      const text = r.string();
      if (field === 1) into.apiVersion = text;
      else into.kind = text;
    } else if (field === 1 || field === 2) {
      throw new ProtobufError(`proto: TypeMeta: wrong wireType = ${wireType} for field ${field}`);
    } else {
      r.skip(wireType);
    }
  }
}

function decodeEnvelope(bytes: Uint8Array, depth: number): JsonObject {
  if (!hasProtobufMagic(bytes)) {
    throw new ProtobufError(
      `provided data does not appear to be a protobuf message, expected prefix [${PROTOBUF_MAGIC.join(' ')}]`,
    );
  }
  const unknown = readUnknown(bytes);
  const { apiVersion, kind } = unknown;
  if (kind === '') throw new ProtobufError("Object 'Kind' is missing in the protobuf envelope");
  if (unknown.contentEncoding !== '') {
    throw new UnsupportedKindError(`protobuf content encoding "${unknown.contentEncoding}" is not supported`);
  }
  const message = topLevelMessage(apiVersion, kind);
  if (!message) {
    throw new UnsupportedKindError(
      `no protobuf decoding for ${apiVersion || '(no apiVersion)'}, Kind=${kind}; send this object as application/json`,
    );
  }
  try {
    return { kind, apiVersion, ...decodeMessage(CONTEXT, unknown.raw, message, depth) };
  } catch (err) {
    if (!(err instanceof ProtobufError)) throw err;
    const version = apiVersion.split('/').pop();
    throw new ProtobufError(`${kind} in version "${version}" cannot be handled as a ${kind}: ${err.message}`);
  }
}

const CONTEXT: DecodeContext = { messages: MESSAGES, embedded: decodeEnvelope };

/** Decodes a protobuf body: 400 when it is malformed, 415 when its kind has no message table. */
export function decodeProtobufBody(bytes: Uint8Array): E.Either<Status, JsonObject> {
  try {
    return E.right(decodeEnvelope(bytes, 0));
  } catch (err) {
    if (err instanceof ProtobufError) return E.left(statusErrors.badRequest(err.message));
    if (err instanceof UnsupportedKindError) return E.left(statusErrors.unsupportedMediaType(err.message));
    throw err;
  }
}
