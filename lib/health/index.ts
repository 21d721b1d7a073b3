export { DependencyHealthService } from './dependency-health.service.js';
export type {
  DependencyCheckContext,
  DependencyCheckFunction,
  DependencyCriticality,
  DependencyHealthCheckOptions,
  DependencyOptions,
  DependencyType,
  FallbackStrategy,
  HealthCheckMethod,
} from './dependency-options.js';
export type {
  CheckRecord,
  DependencySnapshot,
  DependencyStatus,
  DependencyStatusChange,
  HealthTrend,
  ResponseTimeStats,
} from './dependency-status.js';
export type { DependencySummary } from './dependency-summary.js';
export type { BreakerSummary } from './breaker-summary.js';
export type { OverallHealth } from './overall-health.js';
export type { HealthEventMap } from './health-events.js';
export { CRITICALITY_WEIGHTS, dependencyHealthScoreOf } from './health-score.js';
export { HealthIndicatorSet } from './indicators/health-indicator-set.js';
export { DependenciesHealthIndicator } from './indicators/dependencies.indicator.js';
export { CircuitBreakersHealthIndicator } from './indicators/circuit-breakers.indicator.js';
export { DegradationHealthIndicator } from './indicators/degradation.indicator.js';
export { MemoryHealthIndicator } from './indicators/memory.indicator.js';
export { DeadLetterQueueHealthIndicator } from './indicators/dlq.indicator.js';
export { ProcessHealthIndicator } from './indicators/process.indicator.js';
export {
  DEAD_LETTER_QUEUE_HEALTH_SOURCE,
  MEMORY_PRESSURE_SOURCE,
  type DeadLetterQueueHealth,
  type DeadLetterQueueHealthSource,
  type MemoryPressureReading,
  type MemoryPressureSource,
} from './indicators/optional-sources.js';
