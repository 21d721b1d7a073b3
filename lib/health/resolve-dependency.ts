import type { DependencyOptions, ResolvedDependency } from './dependency-options.js';

/** The `healthChecking` defaults a dependency falls back on. */
export interface DependencyDefaults {
  defaultTimeoutMs: number;
  defaultIntervalMs: number;
  defaultFailureThreshold: number;
  defaultSuccessThreshold: number;
}

/** A validated dependency with every default filled in (a copy: later edits of `options` do nothing). */
export function resolveDependency(
  options: DependencyOptions,
  defaults: DependencyDefaults,
): ResolvedDependency {
  const check = options.healthCheck;
  return {
    name: options.name,
    type: options.type,
    criticality: options.criticality ?? 'medium',
    fallbackStrategy: options.fallbackStrategy ?? 'none',
    recoveryTimeEstimateMs: options.recoveryTimeEstimateMs,
    description: options.description,
    dependsOn: [...(options.dependsOn ?? [])],
    healthCheck: {
      endpoint: check.endpoint,
      check: check.check,
      method: check.method ?? 'GET',
      expectedStatus: Array.isArray(check.expectedStatus)
        ? [...check.expectedStatus]
        : check.expectedStatus,
      headers: { ...(check.headers ?? {}) },
      timeoutMs: check.timeoutMs ?? defaults.defaultTimeoutMs,
      intervalMs: check.intervalMs ?? defaults.defaultIntervalMs,
      failureThreshold: check.failureThreshold ?? defaults.defaultFailureThreshold,
      successThreshold: check.successThreshold ?? defaults.defaultSuccessThreshold,
    },
  };
}
