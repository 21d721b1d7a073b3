import type {
  DependencyCriticality,
  DependencyType,
  FallbackStrategy,
} from './dependency-options.js';

/**
 * `unknown` until the thresholds have been reached once; then `healthy` or `unhealthy`,
 * flipping only after the configured number of consecutive opposite results.
 */
export type DependencyStatus = 'unknown' | 'healthy' | 'unhealthy';

/** Where the recent checks are heading, comparing the older and newer half of the history. */
export type HealthTrend = 'improving' | 'stable' | 'degrading';

/** The result of one check. */
export interface CheckRecord {
  /** Clock time the check started. */
  at: number;
  ok: boolean;
  responseTimeMs: number;
  /** The HTTP status, for endpoint checks that got an answer. */
  statusCode?: number;
  /** Why it failed. */
  error?: string;
}

/** Response times over the kept history, in milliseconds. */
export interface ResponseTimeStats {
  last?: number;
  average?: number;
  p95?: number;
  max?: number;
}

/** Everything known about one dependency, as reported by the service and the HTTP routes. */
export interface DependencySnapshot {
  name: string;
  type: DependencyType;
  criticality: DependencyCriticality;
  status: DependencyStatus;
  /** True while a dependency it needs (directly or further down) is unhealthy. */
  impacted: boolean;
  /** The unhealthy dependencies that impact it. */
  impactedBy: string[];
  dependsOn: string[];
  /** The dependencies that need this one. */
  dependents: string[];
  fallbackStrategy: FallbackStrategy;
  recoveryTimeEstimateMs?: number;
  description?: string;
  /** `endpoint` or `custom`. */
  checkKind: 'endpoint' | 'custom';
  endpoint?: string;
  intervalMs: number;
  timeoutMs: number;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  lastCheckedAt?: number;
  lastSuccessAt?: number;
  lastFailureAt?: number;
  lastError?: string;
  /** Clock time of the last status change. */
  statusChangedAt?: number;
  trend: HealthTrend;
  /** Share of passed checks in the kept history, 0–1 (1 when empty). */
  successRate: number;
  responseTimeMs: ResponseTimeStats;
  /** How many checks the history holds. */
  historySize: number;
}

/** A status flip of one dependency. */
export interface DependencyStatusChange {
  name: string;
  from: DependencyStatus;
  to: DependencyStatus;
  criticality: DependencyCriticality;
  /** The failing check's error, when it went unhealthy. */
  error?: string;
}
