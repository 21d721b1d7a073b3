import type { OptionChecker } from '../core/validation/index.js';
import { BUILT_IN_STEP_TYPES } from './built-in-steps.js';
import type { RecoveryActions } from './recovery-actions.js';

const STRATEGIES = ['IMMEDIATE', 'GRADUAL'];
const CRITERIA = ['all_dependencies_healthy', 'circuit_breakers_closed', 'custom'];
const PLAN_KEYS = [
  'serviceName',
  'strategy',
  'steps',
  'estimatedRecoveryTimeMs',
  'successCriteria',
  'rollbackPlan',
];
const STEP_KEYS = ['type', 'name', 'target', 'durationMs', 'params'];
const CRITERION_KEYS = ['type', 'breakers', 'name'];
/** Node fires a longer timer after 1 ms instead. */
export const MAX_TIMER_MS = 2_147_483_647;
const SERVICE_NAME = /^[\w.:-]{1,200}$/;

type Fields = Record<string, unknown>;

/**
 * Records every problem of a plan (from code or an HTTP body) on `checker`: required
 * fields, allowed values, unknown keys, and step types and custom criteria that are not
 * registered.
 */
export function checkRecoveryPlan(
  plan: unknown,
  actions: RecoveryActions,
  checker: OptionChecker,
): void {
  if (!isObject(plan)) {
    checker.fail('plan', 'must be an object');
    return;
  }
  unknownKeys(plan, PLAN_KEYS, checker);
  if (typeof plan.serviceName !== 'string' || !SERVICE_NAME.test(plan.serviceName)) {
    checker.fail('serviceName', 'is required: letters, digits, _, -, . and : (at most 200)');
  }
  if (plan.strategy === undefined)
    checker.fail('strategy', "is required: 'IMMEDIATE' or 'GRADUAL'");
  checker.oneOf('strategy', plan.strategy, STRATEGIES);
  if (plan.estimatedRecoveryTimeMs === undefined)
    checker.fail('estimatedRecoveryTimeMs', 'is required');
  checker.positive('estimatedRecoveryTimeMs', plan.estimatedRecoveryTimeMs);
  tooLong(checker, 'estimatedRecoveryTimeMs', plan.estimatedRecoveryTimeMs);
  if (!Array.isArray(plan.steps) || plan.steps.length === 0)
    checker.fail('steps', 'must be a non-empty list');
  else checkSteps('steps', plan.steps, actions, checker);
  if (plan.rollbackPlan !== undefined) {
    if (!Array.isArray(plan.rollbackPlan)) checker.fail('rollbackPlan', 'must be a list of steps');
    else checkSteps('rollbackPlan', plan.rollbackPlan, actions, checker);
  }
  if (plan.successCriteria !== undefined) {
    if (!Array.isArray(plan.successCriteria)) checker.fail('successCriteria', 'must be a list');
    else
      plan.successCriteria.forEach((criterion, i) =>
        checkCriterion(criterion, actions, checker.child(`successCriteria[${i}]`)),
      );
  }
}

function checkSteps(
  name: string,
  steps: unknown[],
  actions: RecoveryActions,
  checker: OptionChecker,
): void {
  steps.forEach((step, index) => checkStep(step, actions, checker.child(`${name}[${index}]`)));
}

function checkStep(step: unknown, actions: RecoveryActions, checker: OptionChecker): void {
  if (!isObject(step)) {
    checker.fail('step', 'must be an object');
    return;
  }
  unknownKeys(step, STEP_KEYS, checker);
  const known = [...BUILT_IN_STEP_TYPES, ...actions.stepTypes.keys()];
  if (step.type === undefined) checker.fail('type', 'is required');
  checker
    .oneOf('type', step.type, known)
    .isString('target', step.target)
    .isObject('params', step.params);
  if (step.type === 'wait' && step.durationMs === undefined)
    checker.fail('durationMs', 'is required for a wait step');
  if (step.type !== 'wait' && step.durationMs !== undefined)
    checker.fail('durationMs', 'applies to wait steps only');
  checker.nonNegative('durationMs', step.durationMs);
  tooLong(checker, 'durationMs', step.durationMs);
  checkCustomStepName(step, actions, checker);
}

function checkCustomStepName(step: Fields, actions: RecoveryActions, checker: OptionChecker): void {
  const { name } = step;
  if (step.type !== 'custom') {
    if (name !== undefined) checker.fail('name', 'applies to custom steps only');
    return;
  }
  if (name === undefined) checker.fail('name', 'is required for a custom step');
  else if (typeof name !== 'string' || !actions.stepTypes.has(name)) {
    checker.fail('name', `no step type registered as ${JSON.stringify(name)}`);
  }
}

function checkCriterion(
  criterion: unknown,
  actions: RecoveryActions,
  checker: OptionChecker,
): void {
  if (!isObject(criterion)) {
    checker.fail('criterion', 'must be an object');
    return;
  }
  unknownKeys(criterion, CRITERION_KEYS, checker);
  if (criterion.type === undefined) checker.fail('type', 'is required');
  checker.oneOf('type', criterion.type, CRITERIA);
  const { breakers, name } = criterion;
  if (
    breakers !== undefined &&
    !(Array.isArray(breakers) && breakers.every((b) => typeof b === 'string' && b !== ''))
  ) {
    checker.fail('breakers', 'must be a list of breaker names');
  }
  if (criterion.type !== 'custom') return;
  if (name === undefined) checker.fail('name', 'is required for a custom criterion');
  else if (typeof name !== 'string' || !actions.criteria.has(name)) {
    checker.fail('name', `no success criterion registered as ${JSON.stringify(name)}`);
  }
}

function tooLong(checker: OptionChecker, name: string, value: unknown): void {
  if (typeof value === 'number' && value > MAX_TIMER_MS) {
    checker.fail(name, `must be at most ${MAX_TIMER_MS} (the longest timer Node keeps)`);
  }
}

function unknownKeys(value: Fields, allowed: readonly string[], checker: OptionChecker): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) checker.fail(key, 'unknown option');
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
