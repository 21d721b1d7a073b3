/** Defaults for dependency health checks (`healthChecking`; file section `health_checking`). */
export interface HealthCheckingOptions {
  /** A check that has not answered after this long counts as failed. Default 5 000. */
  defaultTimeoutMs?: number;
  /** Time between two checks of one dependency. Default 30 000. */
  defaultIntervalMs?: number;
  /** Consecutive failed checks before a dependency is reported down. Default 3. */
  defaultFailureThreshold?: number;
  /** Consecutive passed checks before a down dependency is reported up again. Default 2. */
  defaultSuccessThreshold?: number;
  /** Each Terminus indicator that has not answered after this long reports down. Default 2 000. */
  indicatorTimeoutMs?: number;
  /** Checks kept per dependency for its history and trend. Default 100. */
  historySize?: number;
  /**
   * Breakers (names, or keyed groups) whose OPEN state fails readiness and makes the
   * degradation level SEVERE. Default none.
   */
  criticalBreakers?: string[];
}

/** Failure prediction (`predictive`; file section `predictive_analysis`). */
export interface PredictiveOptions {
  /** Sample host and process metrics and make predictions. Default true. */
  enabled?: boolean;
  /** Time between two samples. Default 30 000. */
  sampleIntervalMs?: number;
  /** z-score above which a sample is an anomaly. Default 2.0. */
  anomalyThreshold?: number;
  /** How far ahead trends are projected, in hours. Default 2. */
  predictionWindowHours?: number;
  /** Learn which anomalies preceded recorded failures. Default true. */
  patternLearningEnabled?: boolean;
  /** A prediction at or above this confidence (0–1) is an alert. Default 0.7. */
  alertConfidence?: number;
  /** Per metric, the level its trend is projected to, e.g. `{ heapUsedPercent: 90 }`. */
  thresholds?: Record<string, number>;
  /** Anomalies within this before a failure are its precursors; anomaly and pattern predictions reach this far. Default 600 000. */
  precursorWindowMs?: number;
  /** Trends are fitted to the samples of this window. Default 1 800 000. */
  trendWindowMs?: number;
  /** How long samples are kept, in hours (at most 10 000 samples per metric). Default 6. */
  retentionHours?: number;
  /** Opt-in actions taken when an alert is raised; each is logged and reported. */
  prevention?: PreventionOptions;
}

/** Actions the predictor may take on an alert (`predictive.prevention`); all off by default. */
export interface PreventionOptions {
  /** Run a standard memory cleanup on an alert about a memory metric. Default false. */
  memoryCleanup?: boolean;
  /** Lower the adaptive limit of the rate limiter named like the service an alert is about. Default false. */
  lowerAdaptiveLimits?: boolean;
  /** Open the breaker named like the service an alert is about, before it fails. Default false. */
  openBreakersEarly?: boolean;
}

/** Automatic recovery (`recovery`). */
export interface RecoveryOptions {
  /** Run recovery plans when a dependency goes unhealthy. Default true. */
  autoRecoveryEnabled?: boolean;
  /** Recovery plans running at once. Default 3. */
  maxConcurrentRecoveries?: number;
  /**
   * Factor (>= 1): a recovery plan times out after its estimate × this, and the self-healing
   * "longer timeout" action stretches a timeout by it. Default 1.5.
   */
  recoveryTimeoutMultiplier?: number;
  /** Errors of several services this close together are correlated as one incident. Default 60 000. */
  correlationWindowMs?: number;
}

/** Fallback execution (`fallback`); per-method fallbacks are configured in `defaults.fallback`. */
export interface FallbackExecutionOptions {
  /** A fallback layer that runs longer than this counts as failed. Default 5 000. */
  timeoutMs?: number;
  /** Put a failed fallback on the dead-letter queue to retry it later. Default false. */
  retryFailedFallbacks?: boolean;
}

/** Prometheus metrics (`metrics`). */
export interface MetricsOptions {
  /** Register and update the metrics. Default true. */
  enabled?: boolean;
  /** Prepended to every metric name, e.g. `myapp_`. Default '' (the names of DESIGN §5). */
  prefix?: string;
  /** How long in-process histories (real-time view, dashboard charts) are kept, in hours. Default 24. */
  retentionHours?: number;
  /** Time between two samples of the real-time view and the dashboard charts. Default 5 000. */
  sampleIntervalMs?: number;
  /** A prom-client `Registry`; default: prom-client's global registry. */
  registry?: unknown;
}

/** Dead-letter queue (`dlq`). */
export interface DeadLetterQueueOptions {
  /** A claimed message returns to the queue when not settled within this. Default 30 000. */
  visibilityTimeoutMs?: number;
  /** Time between two scheduled processing runs. Default 300 000 (5 min). */
  processIntervalMs?: number;
  /** Time between two scheduled purges. Default 86 400 000 (daily). */
  purgeIntervalMs?: number;
  /** Purge removes settled messages older than this, in days. Default 7. */
  retentionDays?: number;
  /** Handler runs before a message is exhausted. Default 3. */
  maxRetries?: number;
  /**
   * Times a message's claim may run out unsettled (its process died or hung mid-run) and
   * the message be taken back; past it the message is exhausted with a
   * `DeadLetterStalledError`, so a poison message cannot crash processes forever. Default 1.
   */
  maxStalledCount?: number;
}

/** Memory pressure control (`memory`). */
export interface MemoryOptions {
  /** Watch memory pressure and run cleanables. Default true. */
  enabled?: boolean;
  /** Time between two scheduled checks. Default 300 000. */
  checkIntervalMs?: number;
  /** Pressure (percent) at which standard cleanup runs. Default 70. */
  warningPercent?: number;
  /** Pressure (percent) at which critical cleanup runs. Default 85. */
  criticalPercent?: number;
  /** Pressure (percent) at which emergency cleanup runs. Default 95. */
  emergencyPercent?: number;
}

/** Monitoring, alerts and reports (`monitoring`). */
export interface MonitoringOptions {
  /** The same alert is not raised again within this. Default 300 000. */
  alertCooldownMs?: number;
  /** Time between two scheduled reliability reports. Default 3 600 000 (hourly). */
  reportIntervalMs?: number;
  /** Average recovery time that raises a warning. Default 5 000. */
  recoveryTimeWarningMs?: number;
  /** Average recovery time that raises a critical alert. Default 10 000. */
  recoveryTimeCriticalMs?: number;
  /** Recovery success rate (0–1) below which a warning is raised. Default 0.8. */
  successRateWarning?: number;
  /** Recovery success rate (0–1) below which a critical alert is raised. Default 0.6. */
  successRateCritical?: number;
  /** Errors per minute of one service that raise a warning. Default 30. */
  errorsPerMinuteWarning?: number;
  /** Errors per minute of one service that raise a critical alert. Default 120. */
  errorsPerMinuteCritical?: number;
  /** Recovery rates and error frequency are computed over this trailing window. Default 300 000. */
  windowMs?: number;
  /** Time between two threshold checks (alerts are raised and resolved then). Default 30 000. */
  checkIntervalMs?: number;
}
