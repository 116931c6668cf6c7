// The hashes controllers put in names and labels: 32-bit FNV-1a over pod templates (pod-template-hash,
// DaemonSet revisions), FNV-1 over ControllerRevision data (StatefulSet revisions), both written as decimal text
// in Kubernetes' 27-letter "safe" alphabet; plus the canonical JSON bytes of ControllerRevision data.
import { isRecord } from './json.js';

const FNV_OFFSET_BASIS = 2166136261;
const FNV_PRIME = 16777619;

/** Consonants and digits that cannot spell words or look alike (apimachinery util/rand). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const encoder = new TextEncoder();

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** A running 32-bit FNV hash; `write` may be called repeatedly, like Go's hash.Hash32. */
export class Fnv32 {
  private h = FNV_OFFSET_BASIS;
  constructor(private readonly variant: '1' | '1a') {}

  write(data: Uint8Array | string): this {
    for (const byte of bytesOf(data)) {
      if (this.variant === '1a') {
        this.h ^= byte;
        this.h = Math.imul(this.h, FNV_PRIME) >>> 0;
      } else {
        this.h = Math.imul(this.h, FNV_PRIME) >>> 0;
        this.h ^= byte;
      }
    }
    this.h >>>= 0;
    return this;
  }

  sum32(): number {
    return this.h >>> 0;
  }
}

export function fnv1a32(data: Uint8Array | string): number {
  return new Fnv32('1a').write(data).sum32();
}

export function fnv1_32(data: Uint8Array | string): number {
  return new Fnv32('1').write(data).sum32();
}

/** rand.SafeEncodeString: each character c becomes alphabet[c mod 27] (so a decimal number uses 10 letters). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const byte of encoder.encode(s)) out += SAFE_ALPHABET[byte % SAFE_ALPHABET.length];
  return out;
}

function escapeForGo(json: string): string {
  // Go's encoding/json escapes HTML-significant characters and the JS line separators.
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      if (value[k] !== undefined) out[k] = sortKeys(value[k]);
    }
    return out;
  }
  return value;
}

/**
 * Compact JSON with every object's keys sorted, escaped as Go's encoding/json does: the bytes Go produces for a
 * map[string]interface{}, which is how ControllerRevision data is written and how kubectl compares it.
 */
export function canonicalJson(value: unknown): string {
  return escapeForGo(JSON.stringify(sortKeys(value)) ?? 'null');
}

/**
 * controller.ComputeHash: FNV-1a over a deterministic dump of the template (here its canonical JSON), then the
 * collision count as a little-endian uint32 plus four zero bytes when one is given.
 */
export function podTemplateHash(template: unknown, collisionCount?: number | null): string {
  const hasher = new Fnv32('1a').write(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hasher.write(bytes);
  }
  return safeEncodeString(String(hasher.sum32()));
}

/** history.HashControllerRevision: FNV-1 over the raw data bytes, then the decimal collision count. */
export function controllerRevisionHash(data: Uint8Array | string, collisionCount?: number | null): string {
  const hasher = new Fnv32('1').write(data);
  if (collisionCount !== undefined && collisionCount !== null)
    hasher.write(String(Math.trunc(collisionCount)));
  return safeEncodeString(String(hasher.sum32()));
}
