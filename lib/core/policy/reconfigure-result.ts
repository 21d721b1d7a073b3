/**
 * What a policy's `reconfigure(options)` did. `previous` and `current` are the settings in
 * force before and after, every default applied, as plain data in option names (functions
 * and the clock are left out), so they can be logged as "old → new".
 */
export interface ReconfigureResult<S> {
  /**
   * True when state the policy had built up was discarded because the new settings cannot
   * reuse it: a breaker's window (and state), a limiter's buckets, a retry budget's counts,
   * a fallback's cached results.
   */
  readonly restarted: boolean;
  readonly previous: S;
  readonly current: S;
}

/** Payload of a policy's `reconfigured` event: the same as what `reconfigure` returned. */
export type ReconfiguredEvent<S> = ReconfigureResult<S>;
