export type {
  AdaptiveThresholdOptions,
  CircuitBreakerOptions,
  SlidingWindowOptions,
} from './circuit-breaker.options.js';
export type { CircuitState, StateChangeReason } from './circuit-state.js';
export type {
  BreakerStoreEvent,
  CallFailedEvent,
  CallFailureCountedEvent,
  CallIgnoredEvent,
  CallRejectedEvent,
  CallSucceededEvent,
  CircuitBreakerEvents,
  StateChangeEvent,
} from './circuit-breaker.events.js';
export type { CircuitBreakerStats } from './circuit-breaker.stats.js';
export type {
  EffectiveCircuitBreakerOptions,
  EffectiveKeyedCircuitBreakerOptions,
} from './effective-breaker-options.js';
export { CircuitBreakerPolicy, createCircuitBreaker } from './circuit-breaker.policy.js';
export {
  KeyedCircuitBreaker,
  createKeyedCircuitBreaker,
  type KeyedCircuitBreakerOptions,
} from './keyed-circuit-breaker.js';
export {
  checkCircuitBreakerOptions,
  SLIDING_WINDOW_TYPES,
} from './check-circuit-breaker-options.js';
export { CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker.defaults.js';
export { healthScoreOf } from './health-score.js';
export type { BreakerMode } from './circuit-breaker.settings.js';
export * from './shared/index.js';
