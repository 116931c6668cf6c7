// The schema registry of every kind kubesim serves, built once from the declarations of each API group.
import { KINDS } from '@kubesim/api';
import { APPS, AUTOSCALING } from './apps.js';
import { COORDINATION } from './coordination.js';
import { CORE } from './core.js';
import { CORE_POD } from './core-pod.js';
import { META } from './meta.js';
import { SchemaRegistry } from './registry.js';
import { STORAGE } from './storage.js';

export const SCHEMAS = new SchemaRegistry(
  [META, CORE_POD, CORE, APPS, AUTOSCALING, STORAGE, COORDINATION],
  KINDS,
);

export type { FieldSchema, Scalar, Special, TypeRef } from './notation.js';
export { type Definition, type GroupVersionKind, refOf, SchemaRegistry } from './registry.js';
