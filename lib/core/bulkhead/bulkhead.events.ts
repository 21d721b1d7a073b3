/** Events of a {@link BulkheadPolicy}. */
export interface BulkheadEvents {
  /** A call found every slot taken and the queue full, and was rejected. */
  rejected: { running: number; queued: number };
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
