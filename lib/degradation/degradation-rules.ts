import type { DependencyCriticality } from '../health/dependency-options.js';
import type { DependencyStatus } from '../health/dependency-status.js';
import { worstOf, type DegradationLevel } from './degradation-level.js';

/** What the rules look at. */
export interface DegradationInputs {
  dependencies: readonly {
    name: string;
    criticality: DependencyCriticality;
    status: DependencyStatus;
  }[];
  breakers: readonly { name: string; state: string; critical: boolean }[];
}

/** The level the rules give, and each rule that contributed. */
export interface DegradationAssessment {
  level: DegradationLevel;
  reasons: string[];
}

/** Per kind of failure: the level for one of them, and for two or more. */
export const DEGRADATION_RULES: readonly {
  what: string;
  one: DegradationLevel;
  several: DegradationLevel;
}[] = [
  { what: 'critical dependency down', one: 'SEVERE', several: 'CRITICAL' },
  { what: 'high dependency down', one: 'MODERATE', several: 'SEVERE' },
  { what: 'medium dependency down', one: 'MINOR', several: 'MODERATE' },
  { what: 'low dependency down', one: 'NORMAL', several: 'MINOR' },
  { what: 'critical circuit breaker open', one: 'SEVERE', several: 'CRITICAL' },
  { what: 'circuit breaker open', one: 'MINOR', several: 'MODERATE' },
];

/**
 * Applies {@link DEGRADATION_RULES}; the worst level wins. A dependency counts when its
 * status is `unhealthy` (not while `unknown`, and not for being merely impacted: the
 * dependency that failed already counts); a breaker counts while OPEN (HALF_OPEN is
 * probing its way back).
 */
export function assessDegradation(inputs: DegradationInputs): DegradationAssessment {
  const down = (criticality: DependencyCriticality) =>
    inputs.dependencies
      .filter((d) => d.status === 'unhealthy' && d.criticality === criticality)
      .map((d) => d.name);
  const open = (critical: boolean) =>
    inputs.breakers.filter((b) => b.state === 'OPEN' && b.critical === critical).map((b) => b.name);
  const failing = [
    down('critical'),
    down('high'),
    down('medium'),
    down('low'),
    open(true),
    open(false),
  ];
  const levels: DegradationLevel[] = [];
  const reasons: string[] = [];
  DEGRADATION_RULES.forEach((rule, i) => {
    const names = failing[i];
    if (names.length === 0) return;
    levels.push(names.length === 1 ? rule.one : rule.several);
    reasons.push(`${rule.what}: ${names.join(', ')}`);
  });
  return { level: worstOf(levels), reasons };
}
