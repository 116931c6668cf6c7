// Writes responses: JSON objects, Status errors (with the HTTP code they carry) and Warning headers.
import type { ServerResponse } from 'node:http';
import { type Status, StatusError, statusErrors } from '@kubesim/api';

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: Status): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status.code, status);
}

/** Any thrown value becomes a Status: StatusErrors keep theirs, anything else is a 500 that names no stack. */
export function toStatus(err: unknown): Status {
  if (err instanceof StatusError) return err.status;
  const message = err instanceof Error ? err.message : String(err);
  return statusErrors.internal(message);
}

export function addWarnings(res: ServerResponse, warnings: string[]): void {
  if (warnings.length === 0) return;
  // Header values must be Latin-1; escape everything beyond ASCII the way Go's %q does.
  const quote = (w: string) =>
    JSON.stringify(w).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  res.setHeader(
    'Warning',
    warnings.map((w) => `299 - ${quote(w)}`),
  );
}
