/**
 * nestjs-bulwark: resilience policies for NestJS.
 *
 * The framework-free policies (`createCircuitBreaker`, `createRetry`, ... and `compose`)
 * and the Nest layer (`ResilienceModule`, the decorators, `ResilienceService`).
 */
export * from './core/index.js';
export * from './nest/index.js';
export * from './store/index.js';
export * from './health/index.js';
export * from './degradation/index.js';
export * from './recovery/index.js';
export * from './checkpoints/index.js';
export * from './transactions/index.js';
export * from './recovery-plans/index.js';
export * from './metrics/index.js';
export * from './monitoring/index.js';
export * from './dashboard/index.js';
export * from './core/predict/index.js';
export * from './core/memory/index.js';
export * from './predict/index.js';
export * from './memory/index.js';
export * from './dlq/index.js';
