import type { Clock } from '../core/clock/index.js';
import { stepHandler, type StepEnvironment } from './built-in-steps.js';
import type { RecoveryPlan, RecoveryStep, StepOutcome } from './recovery-plan.types.js';

/** Runs one step and reports what it did; never rejects. */
export async function runStep(
  step: RecoveryStep,
  plan: RecoveryPlan,
  signal: AbortSignal,
  env: StepEnvironment,
): Promise<StepOutcome> {
  const startedAt = env.clock.now();
  const outcome = (status: StepOutcome['status'], error?: unknown): StepOutcome => ({
    ...stepIdentity(step),
    status,
    startedAt,
    durationMs: env.clock.now() - startedAt,
    ...(error === undefined ? {} : { error: messageOf(error) }),
  });
  const handler = stepHandler(env, step);
  if (!handler) return outcome('failed', `unknown step type "${step.name ?? step.type}"`);
  try {
    await handler(step, { plan, signal });
    return outcome('succeeded');
  } catch (error) {
    return outcome('failed', error);
  }
}

/** Runs rollback steps in order, each whatever the previous did. */
export async function runRollback(
  plan: RecoveryPlan,
  env: StepEnvironment,
): Promise<{ status: 'succeeded' | 'failed'; steps: StepOutcome[] } | undefined> {
  if (!plan.rollbackPlan?.length) return undefined;
  const signal = new AbortController().signal;
  const steps: StepOutcome[] = [];
  for (const step of plan.rollbackPlan) steps.push(await runStep(step, plan, signal, env));
  const failed = steps.some((step) => step.status === 'failed');
  return { status: failed ? 'failed' : 'succeeded', steps };
}

/** A skipped step, for the history. */
export function skipped(step: RecoveryStep, clock: Clock): StepOutcome {
  return {
    ...stepIdentity(step),
    status: 'skipped',
    startedAt: clock.now(),
    durationMs: 0,
  };
}

/** The message of an error (what the history and the HTTP answer show). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What an outcome says about the step it reports on. */
function stepIdentity(step: RecoveryStep): Pick<StepOutcome, 'type' | 'name' | 'target'> {
  return {
    type: step.type,
    ...(step.name === undefined ? {} : { name: step.name }),
    ...(step.target === undefined ? {} : { target: step.target }),
  };
}
