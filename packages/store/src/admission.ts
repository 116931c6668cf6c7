// What every object goes through before it is written: @kubesim/api's defaulting, then its validation (a failure
// is a Status error and nothing is written).
import {
  applyDefaults,
  type KubeObject,
  type Status,
  StatusError,
  validateCreate,
  validateUpdate,
} from '@kubesim/api';
import * as E from 'fp-ts/lib/Either.js';

/** A defaulted deep copy: the caller's object is never touched. */
export const defaulted = <T extends KubeObject>(obj: T): T => applyDefaults(obj);

function admitted<T extends KubeObject>(result: E.Either<Status, KubeObject>): T {
  if (E.isLeft(result)) throw new StatusError(result.left);
  return result.right as T;
}

export const admitCreate = <T extends KubeObject>(obj: T): T => admitted<T>(validateCreate(obj));

export const admitUpdate = <T extends KubeObject>(obj: T, old: T): T => admitted<T>(validateUpdate(obj, old));
