import type { RateLimitRule } from './rate-limit-rule.js';

/** The adaptive limit and the outcomes observed in its current window. */
export interface AdaptiveLimitState {
  /** Kept fractional: a fractional `recoveryStep` still adds up to whole permits. */
  limit: number;
  windowStart: number;
  successes: number;
  failures: number;
}

/** Starts at the configured limit, with an empty observation window. */
export function createAdaptiveLimitState(rule: RateLimitRule, now: number): AdaptiveLimitState {
  return { limit: rule.limit, windowStart: now, successes: 0, failures: 0 };
}

/** Counts one outcome of a guarded call in the current window. */
export function recordAdaptiveOutcome(
  state: AdaptiveLimitState,
  rule: RateLimitRule,
  now: number,
  success: boolean,
): void {
  closeFinishedWindows(state, rule, now);
  if (success) state.successes++;
  else state.failures++;
}

/**
 * The whole number of permits per window to admit at `now`. Each finished window adjusts
 * the limit (AIMD): a success rate below `adaptiveThreshold` multiplies it by
 * `backoffFactor`, a healthy window (a window without outcomes is healthy) adds
 * `recoveryStep`; it stays within [`minLimit`, `limit`].
 */
export function adaptiveLimitAt(
  state: AdaptiveLimitState,
  rule: RateLimitRule,
  now: number,
): number {
  closeFinishedWindows(state, rule, now);
  return Math.max(rule.minLimit, Math.floor(state.limit));
}

function closeFinishedWindows(state: AdaptiveLimitState, rule: RateLimitRule, now: number): void {
  const passed = Math.floor((now - state.windowStart) / rule.windowMs);
  if (passed <= 0) return;
  const total = state.successes + state.failures;
  const healthy = total === 0 || state.successes / total >= rule.adaptiveThreshold;
  // The windows after the first finished one saw no outcomes, so each of them was healthy.
  const growth = (healthy ? passed : passed - 1) * rule.recoveryStep;
  const shrink = healthy ? 1 : rule.backoffFactor;
  state.limit = Math.min(rule.limit, Math.max(rule.minLimit, state.limit * shrink) + growth);
  state.windowStart += passed * rule.windowMs;
  state.successes = 0;
  state.failures = 0;
}
