/**
 * nestjs-bulwark: resilience policies for NestJS.
 *
 * The framework-free policies (`createCircuitBreaker`, `createRetry`, ... and `compose`)
 * and the Nest layer (`ResilienceModule`, the decorators, `ResilienceService`).
 */
export * from './core/index.js';
export * from './nest/index.js';
