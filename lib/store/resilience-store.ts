import type {
  Listener,
  RateLimitOperations,
  SharedBreakerOperations,
  Unsubscribe,
} from '../core/index.js';
import type { DeadLetterOperations } from './dead-letter.types.js';
import type { KeyValueOperations } from './key-value.types.js';
import type { MessageOperations } from './message.types.js';

/** A store's reachability, reported once per outage. */
export interface ResilienceStoreEvents {
  /** A command failed after the store had answered (or before it ever did). */
  unavailable: { error: unknown };
  /** The store answered again after an outage. */
  available: Record<string, never>;
}

/**
 * What several processes must agree on, as groups of algorithm-level atomic operations
 * (one round trip each with Redis), never get/set pairs: rate-limit decisions, shared
 * breaker state, and values with a TTL. Later groups (the dead-letter queue's claims,
 * checkpoints) are added the same way.
 */
export interface ResilienceStore {
  /** `memory`: this process only; `redis`: every process connected to the same Redis. */
  readonly kind: 'memory' | 'redis';
  /** True when other processes see the same state. */
  readonly distributed: boolean;
  readonly rateLimits: RateLimitOperations;
  readonly breakers: SharedBreakerOperations;
  readonly values: KeyValueOperations;
  /** Messages to the other processes sharing this store. */
  readonly messages: MessageOperations;
  /** The dead-letter queue: messages claimed with a lease, settled by the claim's holder. */
  readonly deadLetters: DeadLetterOperations;
  on<K extends keyof ResilienceStoreEvents>(
    event: K,
    listener: Listener<ResilienceStoreEvents[K]>,
  ): Unsubscribe;
  /** Releases connections and timers (a client passed in by the user stays open). */
  close(): Promise<void>;
}
