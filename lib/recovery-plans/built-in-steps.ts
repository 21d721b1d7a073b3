import { abortableSleep } from '../core/abort/index.js';
import type { Clock } from '../core/clock/index.js';
import { RecoveryActions, type StepContext, type StepHandler } from './recovery-actions.js';
import type { BuiltInStepType, RecoveryStep } from './recovery-plan.types.js';

/** A breaker as a plan step sees it. */
export interface ResettableBreaker {
  reset(): void;
}

/** What the built-in steps act on. */
export interface StepEnvironment {
  clock: Clock;
  actions: RecoveryActions;
  findBreaker(name: string): ResettableBreaker | undefined;
}

/** The built-in step types. */
export const BUILT_IN_STEP_TYPES: readonly BuiltInStepType[] = [
  'reset_circuit_breaker',
  'wait',
  'restart_service',
  'clear_cache',
  'custom',
];

/** The handler of a step, built-in or registered; `undefined` for an unknown one. */
export function stepHandler(env: StepEnvironment, step: RecoveryStep): StepHandler | undefined {
  switch (step.type) {
    case 'reset_circuit_breaker':
      return (step, context) => resetBreaker(env, targetOf(step, context));
    case 'wait':
      return async (step, context) => {
        if ((step.durationMs ?? 0) > 0)
          await abortableSleep(env.clock, step.durationMs ?? 0, context.signal);
      };
    case 'restart_service':
      return (step, context) => restart(env, targetOf(step, context));
    case 'clear_cache':
      return (step) => clearCaches(env, step.target);
    case 'custom':
      return step.name === undefined ? undefined : env.actions.stepTypes.get(step.name);
  }
  return env.actions.stepTypes.get(step.type);
}

function targetOf(step: RecoveryStep, context: StepContext): string {
  return step.target ?? context.plan.serviceName;
}

function resetBreaker(env: StepEnvironment, name: string): void {
  const breaker = env.findBreaker(name);
  if (!breaker) throw new Error(`No circuit breaker named "${name}"`);
  breaker.reset();
}

async function restart(env: StepEnvironment, service: string): Promise<void> {
  const restarter = env.actions.restarters.get(service);
  if (!restarter) throw new Error(`No restarter registered for "${service}"`);
  await restarter();
}

async function clearCaches(env: StepEnvironment, name: string | undefined): Promise<void> {
  if (name === undefined) {
    for (const cache of env.actions.caches.values()) await RecoveryActions.clear(cache);
    return;
  }
  const cache = env.actions.caches.get(name);
  if (!cache) throw new Error(`No cache registered as "${name}"`);
  await RecoveryActions.clear(cache);
}
