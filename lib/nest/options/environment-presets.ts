import type { PresetName } from './resolved-options.interface.js';
import type { ResilienceModuleOptions } from './resilience-module-options.interface.js';

/**
 * Settings that suit each `NODE_ENV`, between the built-in defaults and the config file.
 * A preset only touches `defaults.*` and a few global settings, and never the breaker's
 * mode settings, so it cannot contradict the mode a user picks.
 */
export const RESILIENCE_PRESETS: Readonly<Record<PresetName, ResilienceModuleOptions>> = {
  // Conservative: a breaker needs several good probes to close, calls get time to finish,
  // and retries spread out (full jitter) so a fleet does not retry in step.
  production: {
    defaults: {
      circuitBreaker: { recoveryTimeoutMs: 60_000, successThreshold: 3, halfOpenMaxCalls: 1 },
      retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000, jitter: 'full' },
      timeout: { ms: 30_000 },
    },
    healthChecking: { defaultTimeoutMs: 10_000, defaultSuccessThreshold: 3 },
  },
  // Lenient: breakers recover quickly and long timeouts leave room for a debugger.
  development: {
    defaults: {
      circuitBreaker: { recoveryTimeoutMs: 10_000, successThreshold: 1 },
      retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 2_000 },
      timeout: { ms: 60_000 },
      rateLimit: { limit: 1_000 },
    },
  },
  // Fast and predictable: no retries, short timeouts and delays, no background sampling.
  test: {
    defaults: {
      circuitBreaker: { recoveryTimeoutMs: 1_000 },
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 100, jitter: 'none' },
      timeout: { ms: 1_000 },
    },
    healthChecking: { defaultTimeoutMs: 500, defaultIntervalMs: 1_000 },
    predictive: { enabled: false },
    fallback: { timeoutMs: 1_000 },
  },
};

/** The preset `NODE_ENV` selects; any other value (or none) selects no preset. */
export function presetNameFor(nodeEnv: string | undefined): PresetName | undefined {
  const name = nodeEnv?.trim().toLowerCase();
  return name === 'production' || name === 'development' || name === 'test' ? name : undefined;
}
