// GET pods/NAME/log: the simulated container's output, with kubectl's tail, since, timestamps and follow.
import { StatusError, statusErrors } from '@kubesim/api';
import type { ResourceCall } from './context.js';
import { podContainer } from './pod-target.js';

function nonNegativeInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new StatusError(
      statusErrors.badRequest(`${name}: Invalid value: "${v}": must be a non-negative integer`),
    );
  return n;
}

export async function servePodLog(call: ResourceCall): Promise<void> {
  const { query } = call;
  const namespace = call.target.namespace ?? '';
  const { pod, container } = await podContainer(
    call.api,
    namespace,
    call.target.name ?? '',
    query.get('container'),
  );
  const tailLines = nonNegativeInt(query, 'tailLines');
  const sinceSeconds = nonNegativeInt(query, 'sinceSeconds');
  const sinceTimeText = query.get('sinceTime');
  const sinceTime = sinceTimeText
    ? new Date(sinceTimeText)
    : sinceSeconds !== undefined
      ? new Date(call.api.now().getTime() - sinceSeconds * 1000)
      : undefined;
  if (sinceTime && Number.isNaN(sinceTime.getTime()))
    throw new StatusError(statusErrors.badRequest(`sinceTime: Invalid value: "${sinceTimeText}"`));
  const timestamps = query.get('timestamps') === 'true';
  const follow = query.get('follow') === 'true';
  const limitBytes = nonNegativeInt(query, 'limitBytes');

  const ac = new AbortController();
  call.res.on('close', () => ac.abort());
  call.res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  let written = 0;
  for await (const line of call.api.logs.read(namespace, pod.metadata.name ?? '', container, {
    tailLines,
    sinceTime,
    follow,
    signal: ac.signal,
  })) {
    const text = `${timestamps ? `${line.time.toISOString()} ` : ''}${line.text}\n`;
    if (limitBytes !== undefined && written + Buffer.byteLength(text) > limitBytes) {
      call.res.write(Buffer.from(text).subarray(0, limitBytes - written));
      break;
    }
    written += Buffer.byteLength(text);
    call.res.write(text);
  }
  call.res.end();
}
