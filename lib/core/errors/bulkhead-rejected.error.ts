import { ResilienceError } from './resilience.error.js';

/** The bulkhead had no free slot and no room in its queue. */
export class BulkheadRejectedError extends ResilienceError {
  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue: number,
  ) {
    super(`Bulkhead is full (${maxConcurrent} running, ${maxQueue} queued)`, 'BULKHEAD_REJECTED');
  }
}
