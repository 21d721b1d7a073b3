import { transitiveDependencies, type DependencyGraphView } from '../core/classification/index.js';
import type { RecoveryActions } from './recovery-actions.js';
import type { CriterionOutcome, RecoveryPlan, SuccessCriterion } from './recovery-plan.types.js';

/** What the success criteria read. */
export interface CriteriaEnvironment {
  actions: RecoveryActions;
  graph: DependencyGraphView;
  /** False when the app has no dependency health checking. */
  healthChecked: boolean;
  breakerState(name: string): string | undefined;
}

/** Each criterion's verdict, in order; a check that throws is not met. */
export async function evaluateCriteria(
  plan: RecoveryPlan,
  env: CriteriaEnvironment,
): Promise<CriterionOutcome[]> {
  const outcomes: CriterionOutcome[] = [];
  for (const criterion of plan.successCriteria ?? []) {
    try {
      outcomes.push({ type: criterion.type, ...(await verdict(criterion, plan, env)) });
    } catch (error) {
      outcomes.push({ type: criterion.type, met: false, reason: String(error) });
    }
  }
  return outcomes;
}

async function verdict(
  criterion: SuccessCriterion,
  plan: RecoveryPlan,
  env: CriteriaEnvironment,
): Promise<{ met: boolean; reason?: string }> {
  switch (criterion.type) {
    case 'all_dependencies_healthy':
      return dependenciesHealthy(plan.serviceName, env);
    case 'circuit_breakers_closed': {
      const names = criterion.breakers ?? [plan.serviceName];
      const open = names.filter((name) => !['CLOSED', undefined].includes(env.breakerState(name)));
      return open.length === 0
        ? { met: true }
        : { met: false, reason: `not closed: ${open.join(', ')}` };
    }
    case 'custom': {
      const check = env.actions.criteria.get(criterion.name);
      if (!check) return { met: false, reason: `no criterion registered as "${criterion.name}"` };
      return (await check(plan)) === true ? { met: true } : { met: false, reason: criterion.name };
    }
  }
}

function dependenciesHealthy(
  service: string,
  env: CriteriaEnvironment,
): { met: boolean; reason?: string } {
  if (!env.healthChecked)
    return { met: false, reason: 'dependency health checking is not available' };
  const names = [service, ...transitiveDependencies(service, env.graph)];
  const unhealthy = names.filter((name) => env.graph.isHealthy?.(name) === false);
  return unhealthy.length === 0
    ? { met: true }
    : { met: false, reason: `unhealthy: ${unhealthy.join(', ')}` };
}

/** True when every criterion is met (vacuously true without criteria). */
export function allMet(outcomes: readonly CriterionOutcome[]): boolean {
  return outcomes.every((outcome) => outcome.met);
}
