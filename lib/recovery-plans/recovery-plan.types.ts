/** IMMEDIATE: every step, then the success criteria. GRADUAL: a step at a time, stopping as soon as the criteria hold. */
export type RecoveryPlanStrategy = 'IMMEDIATE' | 'GRADUAL';

/**
 * The step types every app has. `custom` runs the step registered with
 * `registerStepType(name, handler)` under the step's `name`.
 */
export type BuiltInStepType =
  'reset_circuit_breaker' | 'wait' | 'restart_service' | 'clear_cache' | 'custom';

/** One step of a plan. */
export interface RecoveryStep {
  /**
   * A built-in type; or, as a shorthand for `{ type: 'custom', name }`, the name a step was
   * registered under with `registerStepType`.
   */
  type: BuiltInStepType | (string & {});
  /** `custom` only: the registered step to run. */
  name?: string;
  /**
   * What the step acts on: the breaker (`reset_circuit_breaker`), the service
   * (`restart_service`) or the cache (`clear_cache`). Default: the plan's service; for
   * `clear_cache`, every registered cache.
   */
  target?: string;
  /** `wait` only: how long. */
  durationMs?: number;
  /** Passed to a custom step's handler. */
  params?: Record<string, unknown>;
}

/** When a plan counts as successful (all must hold; none: every step succeeded). */
export type SuccessCriterion =
  /** The plan's service and everything it depends on are healthy (needs dependency health). */
  | { type: 'all_dependencies_healthy' }
  /** These breakers (default: the one named like the service) are not open. */
  | { type: 'circuit_breakers_closed'; breakers?: string[] }
  /** A check registered with `registerSuccessCriterion(name, check)`. */
  | { type: 'custom'; name: string };

/** How to bring one service back. */
export interface RecoveryPlan {
  /** The service (usually a dependency's name) the plan recovers; one plan per service. */
  serviceName: string;
  strategy: RecoveryPlanStrategy;
  steps: RecoveryStep[];
  /** How long the plan should take; it times out after this × `recovery.recoveryTimeoutMultiplier`. */
  estimatedRecoveryTimeMs: number;
  successCriteria?: SuccessCriterion[];
  /** Run, in order, when the plan fails or times out. */
  rollbackPlan?: RecoveryStep[];
}

/** What one step did. */
export interface StepOutcome {
  type: string;
  /** The registered step a `custom` step ran. */
  name?: string;
  target?: string;
  status: 'succeeded' | 'failed' | 'skipped';
  startedAt: number;
  durationMs: number;
  error?: string;
}

/** One criterion's verdict. */
export interface CriterionOutcome {
  type: SuccessCriterion['type'];
  met: boolean;
  reason?: string;
}

/** One run of a plan (or of none: a skipped service), as kept in the history. */
export interface RecoveryExecution {
  id: string;
  serviceName: string;
  trigger: 'manual' | 'automatic';
  status: 'succeeded' | 'failed' | 'timed_out' | 'skipped';
  strategy?: RecoveryPlanStrategy;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  /** The plan's time limit: estimate × multiplier. */
  timeoutMs?: number;
  steps: StepOutcome[];
  criteria: CriterionOutcome[];
  /** Present when the rollback plan ran. */
  rollback?: { status: 'succeeded' | 'failed'; steps: StepOutcome[] };
  /** Why it failed or was skipped. */
  error?: string;
  /** Skipped because this dependency (of the same batch) did not recover. */
  blockedBy?: string;
}
