export * from './apps.js';
export * from './common.js';
export * from './coordination.js';
export * from './core.js';
export * from './pod.js';
export * from './storage.js';
