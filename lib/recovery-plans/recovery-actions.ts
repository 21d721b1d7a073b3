import type { RecoveryPlan, RecoveryStep } from './recovery-plan.types.js';

/** What a step handler receives: the plan, and a signal aborted when the plan times out. */
export interface StepContext {
  plan: RecoveryPlan;
  signal: AbortSignal;
}

/** Runs a custom step; rejecting fails the step. */
export type StepHandler = (step: RecoveryStep, context: StepContext) => Promise<unknown> | unknown;

/** A custom success criterion: true (or a promise of true) when met. */
export type CriterionCheck = (plan: RecoveryPlan) => Promise<boolean> | boolean;

/** Something with a `clear()` (a Map, a cache-manager store …) or a function that clears it. */
export type ClearableCache = { clear(): unknown } | (() => unknown);

/** The user's restarters, caches, custom step types and success criteria, by name. */
export class RecoveryActions {
  readonly restarters = new Map<string, () => Promise<unknown> | unknown>();
  readonly caches = new Map<string, ClearableCache>();
  readonly stepTypes = new Map<string, StepHandler>();
  readonly criteria = new Map<string, CriterionCheck>();

  /** Clears one cache. */
  static async clear(cache: ClearableCache): Promise<void> {
    await (typeof cache === 'function' ? cache() : cache.clear());
  }
}
