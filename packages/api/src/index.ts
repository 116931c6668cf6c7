export { defaultPullPolicy, type ImageReference, parseImageReference } from './defaults/image.js';
export { applyDefaults } from './defaults/index.js';
export * from './hash.js';
export * from './intstr.js';
export * from './json.js';
export * from './kinds.js';
export * from './meta.js';
export * from './names.js';
export * from './owners.js';
export * from './quantity.js';
export * from './revision.js';
export * from './selectors/field-selector.js';
export * from './selectors/label-selector.js';
export { parseLabelSelector } from './selectors/parse-label-selector.js';
export * from './status.js';
export * from './tables/index.js';
export * from './template.js';
export * from './types/index.js';
export {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './validation/formats.js';
export { validateCreate, validateUpdate } from './validation/index.js';
export * from './well-known.js';
