// Public surface of the patch dialects: JSON patch, JSON merge patch, strategic merge patch and server-side apply.
export { applyPatch, PATCH_CONTENT_TYPES, type PatchType, patchTypeOf } from './apply-patch.js';
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export { fieldMeta, type PatchMeta, rootTypeOf } from './patch-meta.js';
export { type PatchTarget, serverSideApply } from './server-side-apply.js';
export { strategicMerge } from './strategic-merge.js';
