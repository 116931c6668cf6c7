// Public surface of OpenAPI: the v2 protobuf stub, the v3 index and per group-version documents, and the
// field validation built on the same declared schemas.
export {
  type FieldValidation,
  findUnknownFields,
  pruneUnknownFields,
  unknownFieldWarnings,
  validateFields,
} from './field-validation.js';
export { type Definition, type FieldSchema, SCHEMAS, type TypeRef } from './schema/index.js';
export { OPENAPI_V2_CONTENT_TYPE, openApiV2Stub } from './v2.js';
export {
  groupVersionPath,
  type OpenAPIV3Document,
  type OpenAPIV3Index,
  openApiV3Document,
  openApiV3Index,
} from './v3.js';
