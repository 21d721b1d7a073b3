import type { CriterionOutcome, RecoveryPlan, StepOutcome } from './recovery-plan.types.js';
import type { StepEnvironment } from './built-in-steps.js';
import { runStep, skipped } from './run-steps.js';
import { allMet, evaluateCriteria, type CriteriaEnvironment } from './success-criteria.js';

/** How far a plan got (read when it times out). */
export interface PlanProgress {
  steps: StepOutcome[];
  criteria: CriterionOutcome[];
  /** Index of the step running now. */
  current: number;
  currentStartedAt?: number;
}

type Verdict = { status: 'succeeded' } | { status: 'failed'; error: string };

/**
 * The steps in order; a failed step ends the plan. GRADUAL checks the success criteria
 * after every step (waits included) and stops as soon as they hold; IMMEDIATE checks them
 * once, after the last step.
 */
export async function runPlanSteps(
  plan: RecoveryPlan,
  signal: AbortSignal,
  env: StepEnvironment & CriteriaEnvironment,
  progress: PlanProgress,
): Promise<Verdict> {
  const gradual = plan.strategy === 'GRADUAL' && (plan.successCriteria?.length ?? 0) > 0;
  for (let index = 0; index < plan.steps.length; index++) {
    if (signal.aborted) return { status: 'failed', error: 'aborted' };
    progress.current = index;
    progress.currentStartedAt = env.clock.now();
    const outcome = await runStep(plan.steps[index], plan, signal, env);
    progress.steps.push(outcome);
    if (outcome.status === 'failed') {
      skipRest(plan, index, progress, env);
      return {
        status: 'failed',
        error: `step ${index + 1} (${outcome.type}) failed: ${outcome.error}`,
      };
    }
    if (gradual) {
      progress.criteria = await evaluateCriteria(plan, env);
      if (allMet(progress.criteria)) {
        skipRest(plan, index, progress, env);
        return { status: 'succeeded' };
      }
    }
  }
  progress.current = plan.steps.length;
  progress.criteria = await evaluateCriteria(plan, env);
  if (allMet(progress.criteria)) return { status: 'succeeded' };
  const reasons = progress.criteria
    .filter((c) => !c.met)
    .map((c) => `${c.type}${c.reason ? ` (${c.reason})` : ''}`);
  return { status: 'failed', error: `success criteria not met: ${reasons.join('; ')}` };
}

function skipRest(
  plan: RecoveryPlan,
  index: number,
  progress: PlanProgress,
  env: StepEnvironment,
): void {
  for (const step of plan.steps.slice(index + 1)) progress.steps.push(skipped(step, env.clock));
  progress.current = plan.steps.length;
}
