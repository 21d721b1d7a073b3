import { Injectable } from '@nestjs/common';
import { TypedEventEmitter, type CircuitState, type FallbackSource } from '../../core/index.js';

/** The events every policy of the app publishes, by name. */
export interface ResilienceEventMap {
  'circuit.stateChange': { name: string; from: CircuitState; to: CircuitState; reason?: string };
  'retry.scheduled': { name: string; attempt: number; delayMs: number; error: unknown };
  'fallback.used': { name: string; source: FallbackSource; error: unknown };
  'rateLimit.limited': { name: string; key: string; retryAfterMs: number };
  'timeout.fired': { name: string; ms: number };
  'bulkhead.rejected': { name: string };
}

/**
 * The app's event bus: every policy the module creates forwards its rare events here
 * (state changes, retries, fallbacks, limits), so logs, metrics and users subscribe once.
 * Subscribe through `ResilienceService.on(...)`.
 */
@Injectable()
export class ResilienceEvents extends TypedEventEmitter<ResilienceEventMap> {}
