/** Options of a bulkhead. */
export interface BulkheadOptions {
  /** Calls running at once. Default 10. */
  maxConcurrent?: number;
  /** Calls waiting for a slot; beyond that `BulkheadRejectedError`. Default 0. */
  maxQueue?: number;
}

/** The limits a bulkhead applies (what `reconfigure` reports). */
export interface EffectiveBulkheadOptions {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
}
