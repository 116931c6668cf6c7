// Validation of metav1.LabelSelector (apimachinery meta/v1/validation ValidateLabelSelector).
import { all, type Check, each, fail, messages, ok, optArray, optRecord, optString } from './check.js';
import { fieldErrors } from './field-error.js';
import { isQualifiedName } from './formats.js';
import { validateLabels } from './object-meta.js';
import type { FieldPath } from './path.js';

function validateRequirement(req: unknown, path: FieldPath): Check {
  return optRecord(req, path, (r) => {
    const values = Array.isArray(r.values) ? r.values : [];
    const operatorCheck = optString(r.operator, path.child('operator'), (op) => {
      switch (op) {
        case 'In':
        case 'NotIn':
          return values.length === 0
            ? fail(
                fieldErrors.required(
                  path.child('values'),
                  "must be specified when `operator` is 'In' or 'NotIn'",
                ),
              )
            : ok;
        case 'Exists':
        case 'DoesNotExist':
          return values.length > 0
            ? fail(
                fieldErrors.forbidden(
                  path.child('values'),
                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                ),
              )
            : ok;
        default:
          return fail(fieldErrors.invalid(path.child('operator'), op, 'not a valid selector operator'));
      }
    });
    return all(
      r.operator === undefined
        ? fail(fieldErrors.invalid(path.child('operator'), '', 'not a valid selector operator'))
        : operatorCheck,
      optString(r.key ?? '', path.child('key'), (k) => messages(path.child('key'), k, isQualifiedName(k))),
      optArray(r.values, path.child('values'), (vs) =>
        each(vs, (v, i) => optString(v, path.child('values').index(i))),
      ),
    );
  });
}

export function validateLabelSelector(selector: unknown, path: FieldPath): Check {
  return optRecord(selector, path, (s) =>
    all(
      optArray(s.matchExpressions, path.child('matchExpressions'), (list) =>
        each(list, (r, i) => validateRequirement(r, path.child('matchExpressions').index(i))),
      ),
      validateLabels(s.matchLabels, path.child('matchLabels')),
    ),
  );
}
