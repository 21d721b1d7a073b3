import type { DependencySnapshot } from './dependency-status.js';
import { dependencyHealthScoreOf } from './health-score.js';

/** The dependencies at a glance. */
export interface DependencySummary {
  /** 0–100, weighted by criticality (see `dependencyHealthScoreOf`). */
  score: number;
  total: number;
  healthy: number;
  unhealthy: number;
  unknown: number;
  /** Healthy themselves, but a dependency they need is not. */
  impacted: number;
  /** Names of the unhealthy dependencies of criticality `critical`. */
  criticalDown: string[];
  /** Names of every unhealthy dependency. */
  down: string[];
}

/** Counts, the score and the names that matter for readiness. */
export function summarizeDependencies(snapshots: readonly DependencySnapshot[]): DependencySummary {
  const down = snapshots.filter((d) => d.status === 'unhealthy');
  return {
    score: dependencyHealthScoreOf(snapshots),
    total: snapshots.length,
    healthy: snapshots.filter((d) => d.status === 'healthy').length,
    unhealthy: down.length,
    unknown: snapshots.filter((d) => d.status === 'unknown').length,
    impacted: snapshots.filter((d) => d.impacted && d.status !== 'unhealthy').length,
    criticalDown: down.filter((d) => d.criticality === 'critical').map((d) => d.name),
    down: down.map((d) => d.name),
  };
}
