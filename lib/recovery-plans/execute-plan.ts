import type { StepEnvironment } from './built-in-steps.js';
import { MAX_TIMER_MS } from './check-recovery-plan.js';
import type { RecoveryExecution, RecoveryPlan, StepOutcome } from './recovery-plan.types.js';
import { runPlanSteps, type PlanProgress } from './run-plan-steps.js';
import { runRollback, skipped } from './run-steps.js';
import type { CriteriaEnvironment } from './success-criteria.js';

/** What running a plan needs. */
export interface ExecutorEnvironment extends StepEnvironment, CriteriaEnvironment {
  /** `recovery.recoveryTimeoutMultiplier`: a plan times out after its estimate × this. */
  timeoutMultiplier: number;
}

/**
 * Runs a plan within its time limit (estimate × multiplier): steps, then (or, GRADUAL,
 * between steps) the success criteria; on failure or timeout, the rollback plan. On
 * timeout the running step's signal is aborted (a `wait` stops at once) and the rollback
 * starts without waiting for it.
 */
export async function executePlan(
  plan: RecoveryPlan,
  run: { id: string; trigger: RecoveryExecution['trigger'] },
  env: ExecutorEnvironment,
): Promise<RecoveryExecution> {
  const startedAt = env.clock.now();
  const timeoutMs = Math.min(
    Math.ceil(plan.estimatedRecoveryTimeMs * env.timeoutMultiplier),
    MAX_TIMER_MS,
  );
  const controller = new AbortController();
  const progress: PlanProgress = { steps: [], criteria: [], current: 0 };
  let timer: unknown;
  type TimedOut = { status: 'timed_out'; error: string; steps: StepOutcome[] };
  const timedOut = new Promise<TimedOut>((resolve) => {
    timer = env.clock.setTimeout(
      () => {
        // Taken before aborting: the aborted step would record its own failure and skip the rest.
        const steps = timedOutSteps(plan, progress, env);
        controller.abort(new Error(`Recovery of "${plan.serviceName}" timed out`));
        resolve({ status: 'timed_out', error: `timed out after ${timeoutMs} ms`, steps });
      },
      timeoutMs,
      { unref: true },
    );
  });
  const verdict = await Promise.race([
    runPlanSteps(plan, controller.signal, env, progress),
    timedOut,
  ]);
  env.clock.clearTimeout(timer);
  const steps = verdict.status === 'timed_out' ? verdict.steps : progress.steps;
  const rollback = verdict.status === 'succeeded' ? undefined : await runRollback(plan, env);
  const finishedAt = env.clock.now();
  return {
    id: run.id,
    serviceName: plan.serviceName,
    trigger: run.trigger,
    status: verdict.status,
    strategy: plan.strategy,
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    timeoutMs,
    steps,
    criteria: [...progress.criteria],
    ...(rollback ? { rollback } : {}),
    ...('error' in verdict ? { error: verdict.error } : {}),
  };
}

/** The steps done, the one cut short, and the ones never started. */
function timedOutSteps(
  plan: RecoveryPlan,
  progress: PlanProgress,
  env: StepEnvironment,
): StepOutcome[] {
  const done = progress.steps.slice(0, progress.current);
  const cut = plan.steps[progress.current];
  if (!cut) return done;
  const startedAt = progress.currentStartedAt ?? env.clock.now();
  const interrupted: StepOutcome = {
    ...skipped(cut, env.clock),
    status: 'failed',
    startedAt,
    durationMs: env.clock.now() - startedAt,
    error: 'timed out',
  };
  return [
    ...done,
    interrupted,
    ...plan.steps.slice(progress.current + 1).map((step) => skipped(step, env.clock)),
  ];
}
