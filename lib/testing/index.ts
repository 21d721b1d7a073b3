/**
 * `nestjs-bulwark/testing`: what your tests need to prove a resilience setup — a clock you
 * advance by hand, helpers that force a breaker's state or drain a limiter, and a seeded
 * chaos policy that injects faults and latency (innermost, for tests and staging).
 */
export { TestClock, flushPromises } from '../core/clock/index.js';
export { forceBreakerState } from './force-breaker-state.js';
export { drainLimiter, type DrainableLimiter } from './drain-limiter.js';
export { chaos, ChaosPolicy, seededRandom, checkChaosOptions } from '../core/chaos/index.js';
export type { ChaosOptions, ChaosLatency, ChaosEvents } from '../core/chaos/index.js';
