// The 422 a patch that parses but cannot be applied gets, shaped as the API server's generic server response:
// the fixed phrase as message and what went wrong as an UnexpectedServerResponse cause (kubectl prints it).
import { failure, type Status } from '@kubesim/api';

export const REJECTED = 'the server rejected our request due to an error in our request';

export function patchRejected(detail: string): Status {
  return failure(422, 'Invalid', REJECTED, {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  });
}
