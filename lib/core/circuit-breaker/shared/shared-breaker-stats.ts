import type { CircuitBreakerStats } from '../circuit-breaker.stats.js';
import { healthScoreOf } from '../health-score.js';
import { percentOf } from '../trip-rule.js';
import type { SharedBreakerSnapshot } from './shared-breaker.types.js';

/** This process's stats with the window-based figures of the shared window. */
export function withSharedWindow(
  local: CircuitBreakerStats,
  shared: SharedBreakerSnapshot,
): CircuitBreakerStats {
  const failureRate = percentOf(shared.failures, shared.calls);
  const slowCallRate = percentOf(shared.slowCalls, shared.calls);
  const healthScore = healthScoreOf(local.state, failureRate, slowCallRate);
  const consecutiveFailures = shared.consecutiveFailures;
  return { ...local, failureRate, slowCallRate, consecutiveFailures, healthScore };
}
