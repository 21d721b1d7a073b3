export type { BulkheadOptions, EffectiveBulkheadOptions } from './bulkhead.options.js';
export type { BulkheadEvents, BulkheadStats } from './bulkhead.events.js';
export { BulkheadPolicy, createBulkhead } from './bulkhead.policy.js';
export { checkBulkheadOptions } from './check-bulkhead-options.js';
