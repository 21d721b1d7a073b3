export type {
  BreakerAdmission,
  BreakerOutcome,
  BreakerTransition,
  BreakerTransitionResult,
  SharedBreakerOperations,
  SharedBreakerSnapshot,
  SharedBreakerSpec,
} from './shared-breaker.types.js';
export {
  SHARED_BREAKER_MAX_WAIT_MS,
  sharedBreakerOptions,
  sharedBreakerSpecOf,
} from './shared-breaker-spec.js';
export { SharedBreakerCell } from './shared-breaker-cell.js';
export { SharedCircuitBreakerPolicy } from './shared-circuit-breaker.policy.js';
