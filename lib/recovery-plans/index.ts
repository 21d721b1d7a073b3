export type {
  BuiltInStepType,
  CriterionOutcome,
  RecoveryExecution,
  RecoveryPlan,
  RecoveryPlanStrategy,
  RecoveryStep,
  StepOutcome,
  SuccessCriterion,
} from './recovery-plan.types.js';
export type {
  ClearableCache,
  CriterionCheck,
  StepContext,
  StepHandler,
} from './recovery-actions.js';
export { RecoveryOrchestrator } from './recovery-orchestrator.js';
export { AutoRecovery } from './auto-recovery.js';
export { RecoveryCycleError, dependencyOrder } from './dependency-order.js';
export { ConcurrencyGate } from './concurrency-gate.js';
export { BUILT_IN_STEP_TYPES } from './built-in-steps.js';
export { createRecoveryController } from './recovery.controller.js';
