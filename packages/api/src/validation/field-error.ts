// One field-level validation failure (k8s.io/apimachinery util/validation/field) and how it reads as a Status cause.
import type { StatusCause } from '../status.js';
import { goQuote, goValue } from './go-format.js';
import type { FieldPath } from './path.js';

export type FieldErrorType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueNotFound'
  | 'FieldValueTooLong';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Already printed the Go way; absent for types whose message never shows the value. */
  value?: string;
  detail: string;
}

const typeText: Record<FieldErrorType, string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueNotFound: 'Not found',
  FieldValueTooLong: 'Too long',
};

export const fieldErrors = {
  invalid: (path: FieldPath, value: unknown, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field: path.toString(),
    value: goValue(value),
    detail,
  }),
  /** Like invalid, for values whose Go rendering the caller has already produced (e.g. a LabelSelector). */
  invalidPrinted: (path: FieldPath, printed: string, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field: path.toString(),
    value: printed,
    detail,
  }),
  required: (path: FieldPath, detail = ''): FieldError => ({
    type: 'FieldValueRequired',
    field: path.toString(),
    detail,
  }),
  duplicate: (path: FieldPath, value: unknown): FieldError => ({
    type: 'FieldValueDuplicate',
    field: path.toString(),
    value: goValue(value),
    detail: '',
  }),
  notSupported: (path: FieldPath, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field: path.toString(),
    value: goValue(value),
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  }),
  forbidden: (path: FieldPath, detail: string): FieldError => ({
    type: 'FieldValueForbidden',
    field: path.toString(),
    detail,
  }),
  notFound: (path: FieldPath, value: unknown): FieldError => ({
    type: 'FieldValueNotFound',
    field: path.toString(),
    value: goValue(value),
    detail: '',
  }),
  tooLong: (path: FieldPath, maxBytes: number): FieldError => ({
    type: 'FieldValueTooLong',
    field: path.toString(),
    detail: `must have at most ${maxBytes} bytes`,
  }),
};

/** The message without the field name (Go's ErrorBody). */
export function errorBody(e: FieldError): string {
  const head = e.value === undefined ? typeText[e.type] : `${typeText[e.type]}: ${e.value}`;
  return e.detail ? `${head}: ${e.detail}` : head;
}

export function toCause(e: FieldError): StatusCause {
  return { reason: e.type, message: errorBody(e), field: e.field };
}
