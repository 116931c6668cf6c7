// Decoding of event-log stream entries as XRANGE/XREAD return them. The write scripts add exactly two fields:
// 'event' = '<TYPE> <kind> <key> <operation id>' (no part contains a space) and 'object' = the JSON.
import type { KubeObject } from '@kubesim/api';
import type { EventType, LogEvent, RawLogEvent } from './types.js';

/** An entry as text (watch, operation lookups). */
export type StreamEntry = [id: string, fields: string[]];
/** An entry as bytes (bulk reads): only what survives a fold is ever decoded. */
export type BinaryEntry = [id: Buffer, fields: Buffer[]];

const EVENT = 1;
const OBJECT = 3;

/** The revision is the entry ID's first part: entries are added as `<revision>-0`. */
export const revisionOf = (entry: StreamEntry) => Number.parseInt(entry[0], 10);

export function binaryRevisionOf(entry: BinaryEntry): number {
  const id = entry[0];
  let n = 0;
  for (let i = 0; i < id.length && id[i] !== 0x2d; i++) n = n * 10 + id[i] - 0x30;
  return n;
}

function decode(event: string, revision: number, json: string): RawLogEvent {
  const [type, kind, key] = event.split(' ');
  return { type: type as EventType, kind, key, revision, json };
}

export const rawEvent = (entry: StreamEntry): RawLogEvent =>
  decode(entry[1][EVENT], revisionOf(entry), entry[1][OBJECT]);

export const binaryRawEvent = (entry: BinaryEntry): RawLogEvent =>
  decode(entry[1][EVENT].toString(), binaryRevisionOf(entry), entry[1][OBJECT].toString());

export const foldKey = (kind: string, key: string) => `${kind} ${key}`;

export function parseEvent(raw: RawLogEvent): LogEvent {
  const object = JSON.parse(raw.json) as KubeObject;
  return {
    type: raw.type,
    kind: raw.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name ?? '',
    revision: raw.revision,
    object,
  };
}

/** The operation id a write script recorded. */
export function opOf(entry: StreamEntry): string {
  const event = entry[1][EVENT];
  return event.slice(event.lastIndexOf(' ') + 1);
}
