import type { GuardedFunction } from '../../core/policy/index.js';
import { callRetryFn, type RecoveryRequest, type RecoveryStrategy } from './recovery-strategy.js';
import { canRepeat } from './repeat-calls.js';

/** The breaker guarding a service, as the circuit-break strategy uses it. */
export interface ServiceBreaker {
  execute<T>(fn: GuardedFunction<T>): Promise<T>;
}

/**
 * Calls again once through the service's circuit breaker: repeated failures open it, and
 * from then on recoveries of that service fail fast (and go on to the fallback) instead of
 * adding load to a dependency that is down.
 */
export class CircuitBreakStrategy implements RecoveryStrategy {
  readonly name = 'circuit_break' as const;

  constructor(private readonly breakerFor: (serviceId: string) => ServiceBreaker) {}

  applicable(request: RecoveryRequest): boolean {
    return canRepeat(request) && request.classification.category !== 'circuit_open';
  }

  run<T>(request: RecoveryRequest<T>): Promise<T> {
    const breaker = this.breakerFor(request.context.serviceId);
    return breaker.execute(() => callRetryFn(request, this.name, 1));
  }
}
