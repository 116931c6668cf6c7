// Reads request bodies under a size limit (413) and decodes object bodies; decoding errors are Status errors.
import type { IncomingMessage } from 'node:http';
import { StatusError, statusErrors } from '@kubesim/api';
import { isLeft } from 'fp-ts/Either';
import { decodeBody } from '../negotiation/index.js';

/** Same cap as the real API server's default request body limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new StatusError(statusErrors.tooLarge('Request entity too large: limit is 3145728'));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new StatusError(statusErrors.tooLarge('Request entity too large: limit is 3145728'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes a JSON or YAML object body by its Content-Type (400 on parse errors, 415 on other types). */
export function decodeObjectBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) throw new StatusError(statusErrors.badRequest('request body must not be empty'));
  const decoded = decodeBody(contentType, body);
  if (isLeft(decoded)) throw new StatusError(decoded.left);
  return decoded.right;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
