import { MemoryRateLimitBackend, systemClock, type Clock } from '../../core/index.js';
import type { ResilienceStore } from '../resilience-store.js';
import { StoreEventSource } from '../store-event-source.js';
import { MemoryBreakers } from './memory-breakers.js';
import { MemoryDeadLetters } from './memory-dead-letters.js';
import { MemoryMessages } from './memory-messages.js';
import { MemoryValues } from './memory-values.js';

/** Options of a {@link MemoryStore}. */
export interface MemoryStoreSettings {
  /** Time source; tests pass a `TestClock`. */
  clock?: Clock;
  /** Most rate-limit buckets kept (least recently used forgotten beyond). Default: no cap. */
  maxKeys?: number;
}

/**
 * Everything in this process's memory (the default store). Bounded: expired buckets and
 * values are swept without a timer per key, idle breakers are forgotten. It never fails,
 * so it never reports an outage.
 */
export class MemoryStore extends StoreEventSource implements ResilienceStore {
  readonly kind = 'memory';
  readonly distributed = false;
  readonly rateLimits: MemoryRateLimitBackend;
  readonly breakers: MemoryBreakers;
  readonly values: MemoryValues;
  readonly messages = new MemoryMessages();
  readonly deadLetters: MemoryDeadLetters;

  constructor(options: MemoryStoreSettings = {}) {
    super();
    const clock = options.clock ?? systemClock;
    this.rateLimits = new MemoryRateLimitBackend({ clock, maxKeys: options.maxKeys });
    this.breakers = new MemoryBreakers(clock);
    this.values = new MemoryValues(clock);
    this.deadLetters = new MemoryDeadLetters(clock);
  }

  async close(): Promise<void> {
    await this.rateLimits.close();
    this.breakers.clear();
    this.values.clear();
    this.messages.clear();
    this.deadLetters.clear();
  }
}
