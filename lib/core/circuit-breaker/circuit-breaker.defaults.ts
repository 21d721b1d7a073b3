/** Default circuit breaker options (DESIGN §4a). */
export const CIRCUIT_BREAKER_DEFAULTS = {
  name: 'default',
  failureThreshold: 5,
  failureRateThreshold: 50,
  minimumCalls: 10,
  slowCallRateThreshold: 100,
  recoveryTimeoutMs: 60_000,
  halfOpenMaxCalls: 1,
  successThreshold: 1,
  onStoreFailure: 'local',
  /** `slidingWindow.size`: the last 100 calls, or the last 100 seconds (as Resilience4j). */
  slidingWindowSize: 100,
  adaptive: {
    tightenBy: 0.2,
    tripWindowMs: 600_000,
    stablePeriodMs: 600_000,
  },
  /** Consecutive mode keeps the last this-many calls for stats and the health score only. */
  consecutiveModeStatsWindow: 100,
} as const;
