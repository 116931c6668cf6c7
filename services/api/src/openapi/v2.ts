// The OpenAPI v2 answer: the protobuf of `{swagger: "2.0"}` (gnostic openapi_v2.Document, field 1 = "2.0").
// With it, kubectl 1.20's client-side validation finds no schema and passes, and newer clients' apply falls back
// to their built-in types. The content type must use the dotted form; Go's MIME parser rejects `@v1.0`.

export const OPENAPI_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

export function openApiV2Stub(): Uint8Array {
  return Uint8Array.of(0x0a, 0x03, 0x32, 0x2e, 0x30);
}
