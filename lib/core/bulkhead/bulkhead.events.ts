import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { EffectiveBulkheadOptions } from './bulkhead.options.js';

/** Events of a {@link BulkheadPolicy}. */
export interface BulkheadEvents {
  /**
   * A call found every slot taken and the queue full, and was rejected (or waited in a queue
   * that `reconfigure` shortened below its place).
   */
  rejected: { running: number; queued: number };
  /** `reconfigure` applied new limits. */
  reconfigured: ReconfiguredEvent<EffectiveBulkheadOptions>;
}

/** What a bulkhead is doing right now, and how many calls it has turned away. */
export interface BulkheadStats {
  running: number;
  queued: number;
  maxConcurrent: number;
  maxQueue: number;
  /** Calls rejected since the bulkhead was created. */
  rejected: number;
}
