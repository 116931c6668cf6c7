// The four bytes that open every Kubernetes protobuf body ("k8s" and a NUL), before the runtime.Unknown envelope.
export const PROTOBUF_MAGIC: readonly number[] = [0x6b, 0x38, 0x73, 0x00];

export function hasProtobufMagic(bytes: Uint8Array): boolean {
  return bytes.length >= PROTOBUF_MAGIC.length && PROTOBUF_MAGIC.every((b, i) => bytes[i] === b);
}
