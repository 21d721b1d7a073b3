import { CIRCUIT_BREAKER_DEFAULTS } from '../../core/circuit-breaker/index.js';
import { RETRY_DEFAULTS } from '../../core/retry/index.js';
import { DEFAULT_POLICY_ORDER } from '../../core/policy/index.js';
import type { ResolvedResilienceOptions } from './resolved-options.interface.js';

/** The config file read from the working directory when present and not named otherwise. */
export const DEFAULT_RESILIENCE_CONFIG_FILE = 'resilience.config.json';

/** Redis settings filled in when the store is Redis. */
export const REDIS_STORE_DEFAULTS = { keyPrefix: 'bulwark:', storeTimeoutMs: 1_000 } as const;

/** Options that resolution fills in (`configFile`, `preset`, `sources`) are not defaults. */
export type OptionDefaults = Omit<ResolvedResilienceOptions, 'configFile' | 'preset' | 'sources'>;

/**
 * Every built-in default, in one place (the table in docs/configuration.md mirrors it).
 * The breaker's mode settings (`failureThreshold`, `slidingWindow`, `failureRateThreshold`,
 * `minimumCalls`) are left to the policy so that no default ever contradicts the mode a
 * user picks.
 */
export function resilienceOptionDefaults(): OptionDefaults {
  return {
    defaults: {
      circuitBreaker: {
        recoveryTimeoutMs: CIRCUIT_BREAKER_DEFAULTS.recoveryTimeoutMs,
        halfOpenMaxCalls: CIRCUIT_BREAKER_DEFAULTS.halfOpenMaxCalls,
        successThreshold: CIRCUIT_BREAKER_DEFAULTS.successThreshold,
      },
      retry: { ...RETRY_DEFAULTS },
      timeout: { ms: 10_000 },
      rateLimit: {
        limit: 100,
        windowMs: 60_000,
        algorithm: 'sliding-window',
        onStoreFailure: 'local',
      },
      bulkhead: { maxConcurrent: 10, maxQueue: 0 },
      fallback: {},
    },
    policies: {},
    order: [...DEFAULT_POLICY_ORDER],
    protectedPaths: [],
    store: { type: 'memory' },
    admin: {},
    http: {
      health: { enabled: true, path: 'health' },
      resilience: { enabled: true, path: 'resilience' },
      admin: { enabled: true, path: 'admin/reliability' },
      metrics: { enabled: true, path: 'metrics' },
    },
    healthChecking: {
      defaultTimeoutMs: 5_000,
      defaultIntervalMs: 30_000,
      defaultFailureThreshold: 3,
      defaultSuccessThreshold: 2,
      indicatorTimeoutMs: 2_000,
      historySize: 100,
      criticalBreakers: [],
    },
    dependencies: [],
    predictive: {
      enabled: true,
      sampleIntervalMs: 30_000,
      anomalyThreshold: 2.0,
      predictionWindowHours: 2,
      patternLearningEnabled: true,
      alertConfidence: 0.7,
      thresholds: {
        'process.heapUsedPercent': 90,
        'system.memoryUsedPercent': 95,
        'system.diskUsedPercent': 95,
      },
      precursorWindowMs: 600_000,
      trendWindowMs: 1_800_000,
      retentionHours: 6,
      prevention: { memoryCleanup: false, lowerAdaptiveLimits: false, openBreakersEarly: false },
    },
    recovery: {
      autoRecoveryEnabled: true,
      maxConcurrentRecoveries: 3,
      recoveryTimeoutMultiplier: 1.5,
      correlationWindowMs: 60_000,
    },
    fallback: { timeoutMs: 5_000, retryFailedFallbacks: false },
    metrics: { enabled: true, prefix: '', retentionHours: 24, sampleIntervalMs: 5_000 },
    dlq: {
      visibilityTimeoutMs: 30_000,
      processIntervalMs: 300_000,
      purgeIntervalMs: 86_400_000,
      retentionDays: 7,
      maxRetries: 3,
      maxStalledCount: 1,
    },
    memory: {
      enabled: true,
      checkIntervalMs: 300_000,
      warningPercent: 70,
      criticalPercent: 85,
      emergencyPercent: 95,
    },
    monitoring: {
      alertCooldownMs: 300_000,
      reportIntervalMs: 3_600_000,
      recoveryTimeWarningMs: 5_000,
      recoveryTimeCriticalMs: 10_000,
      successRateWarning: 0.8,
      successRateCritical: 0.6,
      errorsPerMinuteWarning: 30,
      errorsPerMinuteCritical: 120,
      windowMs: 300_000,
      checkIntervalMs: 30_000,
    },
  };
}
