import type { CheckRecord, DependencySnapshot, DependencyStatus } from '../dependency-status.js';
import { responseTimeStatsOf, successRateOf, trendOf } from './history-stats.js';
import { RingBuffer } from './ring-buffer.js';

/** Consecutive results needed to flip a dependency's status. */
export interface StatusThresholds {
  failureThreshold: number;
  successThreshold: number;
}

/** What the state contributes to a {@link DependencySnapshot}. */
export type TrackedHealth = Pick<
  DependencySnapshot,
  | 'status'
  | 'consecutiveFailures'
  | 'consecutiveSuccesses'
  | 'lastCheckedAt'
  | 'lastSuccessAt'
  | 'lastFailureAt'
  | 'lastError'
  | 'statusChangedAt'
  | 'trend'
  | 'successRate'
  | 'responseTimeMs'
  | 'historySize'
>;

/**
 * The health of one dependency, from its checks: the status flips to `unhealthy` at the
 * `failureThreshold`-th consecutive failure and to `healthy` at the `successThreshold`-th
 * consecutive success (from `unknown` too), never in between. Keeps a bounded history.
 */
export class DependencyState {
  private current: DependencyStatus = 'unknown';
  private failures = 0;
  private successes = 0;
  private lastSuccessAt?: number;
  private lastFailureAt?: number;
  private lastError?: string;
  private statusChangedAt?: number;
  private readonly history: RingBuffer<CheckRecord>;

  constructor(
    private readonly thresholds: StatusThresholds,
    historySize: number,
  ) {
    this.history = new RingBuffer(historySize);
  }

  get status(): DependencyStatus {
    return this.current;
  }

  /** Adds a check's result; returns the status change it caused, if any. */
  record(check: CheckRecord): { from: DependencyStatus; to: DependencyStatus } | undefined {
    this.history.push(check);
    if (check.ok) {
      this.successes++;
      this.failures = 0;
      this.lastSuccessAt = check.at;
    } else {
      this.failures++;
      this.successes = 0;
      this.lastFailureAt = check.at;
      this.lastError = check.error ?? 'check failed';
    }
    const next = this.nextStatus();
    if (next === this.current) return undefined;
    const change = { from: this.current, to: next };
    this.current = next;
    this.statusChangedAt = check.at;
    return change;
  }

  /** The kept checks, oldest first. */
  checks(): CheckRecord[] {
    return this.history.toArray();
  }

  view(): TrackedHealth {
    const checks = this.history.toArray();
    return {
      status: this.current,
      consecutiveFailures: this.failures,
      consecutiveSuccesses: this.successes,
      lastCheckedAt: this.history.last()?.at,
      lastSuccessAt: this.lastSuccessAt,
      lastFailureAt: this.lastFailureAt,
      lastError: this.lastError,
      statusChangedAt: this.statusChangedAt,
      trend: trendOf(checks),
      successRate: successRateOf(checks),
      responseTimeMs: responseTimeStatsOf(checks),
      historySize: checks.length,
    };
  }

  private nextStatus(): DependencyStatus {
    if (this.failures >= this.thresholds.failureThreshold) return 'unhealthy';
    if (this.successes >= this.thresholds.successThreshold) return 'healthy';
    return this.current;
  }
}
