// The Status errors the store answers with, worded as the Kubernetes API server words them.
import { failure, type KindInfo, StatusError, statusErrors } from '@kubesim/api';

const resourceOf = (info: KindInfo) => ({ group: info.group, resource: info.resource });

export const storeErrors = {
  notFound: (info: KindInfo, name: string) => new StatusError(statusErrors.notFound(resourceOf(info), name)),
  alreadyExists: (info: KindInfo, name: string) =>
    new StatusError(statusErrors.alreadyExists(resourceOf(info), name)),
  conflict: (info: KindInfo, name: string, why: string) =>
    new StatusError(statusErrors.conflict(resourceOf(info), name, why)),
  /** A stale resourceVersion in an update body. */
  modified: (info: KindInfo, name: string) =>
    storeErrors.conflict(
      info,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    ),
  /** A watch or log read from a revision the log no longer holds: the reader must relist. */
  expired: (requested: number, compacted: number) =>
    new StatusError(statusErrors.gone(`too old resource version: ${requested} (${compacted})`)),
  unknownKind: (kind: string) =>
    new StatusError(failure(404, 'NotFound', `the server doesn't have a resource type for kind "${kind}"`)),
  badRequest: (message: string) => new StatusError(statusErrors.badRequest(message)),
  noStatusSubresource: (info: KindInfo) =>
    new StatusError(
      failure(404, 'NotFound', `the server could not find the requested resource (${info.resource}/status)`),
    ),
};
