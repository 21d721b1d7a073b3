export { CircuitBreaker } from './circuit-breaker.decorator.js';
export { Retry } from './retry.decorator.js';
export { Timeout } from './timeout.decorator.js';
export { Bulkhead } from './bulkhead.decorator.js';
export { RateLimit } from './rate-limit.decorator.js';
export { Fallback } from './fallback.decorator.js';
export { Resilient } from './resilient.decorator.js';
export type * from './decorator-options.types.js';
export type { ResilienceMetadata } from './resilience-metadata.js';
