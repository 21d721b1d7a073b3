import type { OptionChecker } from '../validation/index.js';
import type { BackoffKind, JitterKind } from './retry.options.js';

/** The backoff kinds `backoff` accepts. */
export const BACKOFF_KINDS: readonly BackoffKind[] = [
  'fixed',
  'linear',
  'exponential',
  'fibonacci',
  'decorrelated',
];

/** The jitter kinds `jitter` accepts. */
export const JITTER_KINDS: readonly JitterKind[] = ['none', 'full', 'equal'];

/** Node fires a timer longer than this (2^31 − 1 ms, about 24.8 days) after 1 ms instead. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Records every invalid retry option on `checker` (nothing for `undefined`). Used by
 * `createRetry` and by the Nest layer, which gives the checker its own path prefix and source.
 */
export function checkRetryOptions(options: unknown, checker: OptionChecker): void {
  const o = checker.optionsObject(options);
  if (!o) return;
  checker
    .integerAtLeast('maxAttempts', o.maxAttempts, 1)
    .oneOf('backoff', o.backoff, BACKOFF_KINDS)
    .oneOf('jitter', o.jitter, JITTER_KINDS)
    .nonNegative('baseDelayMs', o.baseDelayMs)
    .nonNegative('maxDelayMs', o.maxDelayMs)
    .positive('multiplier', o.multiplier)
    .isFunction('retryIf', o.retryIf)
    .isFunction('random', o.random);
  checkTimerRange(checker, 'maxDelayMs', o.maxDelayMs);
  checkTimerRange(checker, 'baseDelayMs', o.baseDelayMs);
  if (isNumber(o.baseDelayMs) && isNumber(o.maxDelayMs) && o.maxDelayMs < o.baseDelayMs) {
    checker.fail('maxDelayMs', `must be >= baseDelayMs (${o.baseDelayMs}), got ${o.maxDelayMs}`);
  }
  checker.isObject('clock', o.clock);
  if (checker.isObject('budget', o.budget))
    checkBudget(o.budget as Record<string, unknown>, checker.child('budget'));
}

function checkBudget(budget: Record<string, unknown>, checker: OptionChecker): void {
  if (budget.ratio === undefined)
    checker.fail('ratio', 'is required: retries allowed per call, e.g. 0.2');
  checker
    .nonNegative('ratio', budget.ratio)
    .integerAtLeast('minRetriesPerWindow', budget.minRetriesPerWindow, 0)
    .positive('windowMs', budget.windowMs);
}

function checkTimerRange(checker: OptionChecker, name: string, value: unknown): void {
  if (isNumber(value) && value > MAX_TIMER_MS) {
    checker.fail(
      name,
      `must be at most ${MAX_TIMER_MS} (the longest timer Node keeps), got ${value}`,
    );
  }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
