import type { DependencyCriticality } from './dependency-options.js';
import type { DependencyStatus } from './dependency-status.js';

/** How much each criticality weighs in the score. */
export const CRITICALITY_WEIGHTS: Readonly<Record<DependencyCriticality, number>> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
};

/** What the score needs to know of one dependency. */
export interface ScoredDependency {
  criticality: DependencyCriticality;
  status: DependencyStatus;
  impacted: boolean;
}

/**
 * 0–100, weighted by criticality (critical 8, high 4, medium 2, low 1): a healthy
 * dependency earns its full weight, a healthy but impacted one half, an unhealthy one
 * nothing. Dependencies not checked yet (`unknown`) are left out; with none to score, 100.
 */
export function dependencyHealthScoreOf(dependencies: readonly ScoredDependency[]): number {
  let earned = 0;
  let possible = 0;
  for (const dependency of dependencies) {
    if (dependency.status === 'unknown') continue;
    const weight = CRITICALITY_WEIGHTS[dependency.criticality];
    possible += weight;
    if (dependency.status === 'healthy') earned += dependency.impacted ? weight / 2 : weight;
  }
  return possible === 0 ? 100 : Math.round((earned / possible) * 100);
}
