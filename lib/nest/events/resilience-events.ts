import { Injectable } from '@nestjs/common';
import type { DeadLetterEventMap } from '../../dlq/dlq-events.js';
import type { HealthEventMap } from '../../health/health-events.js';
import type { MemoryEventMap } from '../../memory/memory-events.js';
import type { MonitoringEventMap } from '../../monitoring/monitoring-events.js';
import type { PredictEventMap } from '../../predict/predict-events.js';
import type { RecoveryEventMap } from '../../recovery/recovery-events.js';
import type { PolicyChange } from '../runtime-config/policy-change.js';
import {
  TypedEventEmitter,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type CircuitState,
  type FallbackPolicy,
  type FallbackSource,
  type KeyedCircuitBreaker,
  type RateLimiterPolicy,
  type RetryPolicy,
  type TimeoutPolicy,
} from '../../core/index.js';

/** A policy instance the module just created, with the name it goes by. */
export type CreatedPolicy =
  | { kind: 'circuitBreaker'; name: string; policy: CircuitBreakerPolicy | KeyedCircuitBreaker }
  | { kind: 'rateLimit'; name: string; policy: RateLimiterPolicy }
  | { kind: 'bulkhead'; name: string; policy: BulkheadPolicy }
  | { kind: 'retry'; name: string; policy: RetryPolicy }
  | { kind: 'timeout'; name: string; policy: TimeoutPolicy }
  | { kind: 'fallback'; name: string; policy: FallbackPolicy };

/** The events every policy and capability of the app publishes, by name. */
export interface ResilienceEventMap
  extends
    HealthEventMap,
    RecoveryEventMap,
    MonitoringEventMap,
    PredictEventMap,
    MemoryEventMap,
    DeadLetterEventMap {
  'circuit.stateChange': { name: string; from: CircuitState; to: CircuitState; reason?: string };
  'retry.scheduled': { name: string; attempt: number; delayMs: number; error: unknown };
  'fallback.used': { name: string; source: FallbackSource; error: unknown };
  'rateLimit.limited': { name: string; key: string; retryAfterMs: number };
  'timeout.fired': { name: string; ms: number };
  'bulkhead.rejected': { name: string };
  /**
   * Every policy the module creates, as it is created (most at start-up, by the explorer):
   * metrics and monitoring subscribe to its per-call events here. Shared breakers, limiters
   * and bulkheads can also be listed later through `PolicyRegistry`.
   */
  'policy.created': CreatedPolicy;
  /** A named policy was changed at runtime (here, or on another instance through the store). */
  'policy.reconfigured': PolicyChange;
}

/**
 * The app's event bus: every policy the module creates forwards its rare events here
 * (state changes, retries, fallbacks, limits), so logs, metrics and users subscribe once.
 * Subscribe through `ResilienceService.on(...)`.
 */
@Injectable()
export class ResilienceEvents extends TypedEventEmitter<ResilienceEventMap> {}
