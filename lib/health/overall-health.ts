import type { DegradationStatus } from '../degradation/degradation.service.js';
import { isAtLeast } from '../degradation/degradation-level.js';
import type { BreakerSummary } from './breaker-summary.js';
import type { DependencySummary } from './dependency-summary.js';

/** The whole picture of `GET /resilience/health`. */
export interface OverallHealth {
  /**
   * `unhealthy` when readiness fails (a critical dependency down, a critical breaker open,
   * degradation SEVERE or worse); `degraded` when anything else is down, impacted, open or
   * degraded; else `healthy`.
   */
  status: 'healthy' | 'degraded' | 'unhealthy';
  /** The dependencies' health score, 0–100. */
  score: number;
  degradation: Omit<DegradationStatus, 'features'> & { disabledFeatures: string[] };
  dependencies: DependencySummary;
  circuitBreakers: BreakerSummary;
  /** ISO time of this report. */
  checkedAt: string;
}

/** Combines the summaries into one verdict. */
export function overallHealthOf(
  dependencies: DependencySummary,
  circuitBreakers: BreakerSummary,
  degradation: DegradationStatus,
  now: number,
): OverallHealth {
  const { features, ...level } = degradation;
  const unhealthy =
    dependencies.criticalDown.length > 0 ||
    circuitBreakers.criticalOpen.length > 0 ||
    isAtLeast(degradation.level, 'SEVERE');
  const degraded =
    degradation.level !== 'NORMAL' ||
    dependencies.unhealthy + dependencies.impacted > 0 ||
    circuitBreakers.open.length + circuitBreakers.halfOpen.length > 0;
  return {
    status: unhealthy ? 'unhealthy' : degraded ? 'degraded' : 'healthy',
    score: dependencies.score,
    degradation: {
      ...level,
      disabledFeatures: features.filter((f) => !f.enabled).map((f) => f.name),
    },
    dependencies,
    circuitBreakers,
    checkedAt: new Date(now).toISOString(),
  };
}
