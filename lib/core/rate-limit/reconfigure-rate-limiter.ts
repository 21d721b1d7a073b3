import { isTransientFailure } from '../classification/index.js';
import type { Clock } from '../clock/clock.js';
import type { TypedEventEmitter } from '../events/index.js';
import { OptionChecker } from '../validation/index.js';
import { keepFixedOptions } from '../validation/keep-fixed-options.js';
import { adaptiveAdmissionFor, type AdaptiveAdmission } from './adaptive-admission.js';
import { checkRateLimitOptions } from './check-rate-limit-options.js';
import {
  RATE_LIMIT_DEFAULTS,
  resolveRateLimitRule,
  type RateLimitRule,
} from './rate-limit-rule.js';
import type { RateLimitOptions } from './rate-limit.options.js';
import type { RateLimiterEvents } from './rate-limiter.events.js';

/** The settings a limiter applies (what `reconfigure` reports): its name and its rule. */
export type EffectiveRateLimitOptions = RateLimitRule & { readonly name: string };

/**
 * What a live limiter keeps whatever `reconfigure` is given: its name (part of its store
 * keys), its clock, and how its backend was built (`maxKeys`, `onStoreFailure`).
 */
export type FixedRateLimitOptions = Pick<
  RateLimitOptions,
  'name' | 'clock' | 'maxKeys' | 'onStoreFailure'
> & { name: string; clock: Clock };

/** The fixed options of a limiter created from `options`. */
export function fixedRateLimitOptionsOf(
  options: RateLimitOptions & { name: string; clock: Clock },
): FixedRateLimitOptions {
  return {
    name: options.name,
    clock: options.clock,
    maxKeys: options.maxKeys,
    onStoreFailure: options.onStoreFailure ?? RATE_LIMIT_DEFAULTS.onStoreFailure,
  };
}

/**
 * Checks `options` with the constructor's rules, keeps the fixed ones, and resolves them.
 * @throws ResilienceConfigError listing every issue; nothing has changed then.
 */
export function resolveRateLimitReconfiguration(
  options: RateLimitOptions,
  fixed: FixedRateLimitOptions,
): { options: RateLimitOptions & FixedRateLimitOptions; rule: RateLimitRule } {
  const checker = new OptionChecker();
  checkRateLimitOptions(options, checker);
  const complete = keepFixedOptions(options, fixed, checker) as RateLimitOptions &
    FixedRateLimitOptions;
  checker.throwIfInvalid();
  return { options: complete, rule: resolveRateLimitRule(complete) };
}

/**
 * The adaptive admission under a new rule: the current one retuned while the algorithm
 * stays `adaptive`, a new one when it becomes `adaptive`, none otherwise.
 */
export function adaptiveAdmissionAfter(
  current: AdaptiveAdmission | undefined,
  rule: RateLimitRule,
  options: RateLimitOptions & FixedRateLimitOptions,
  events: TypedEventEmitter<RateLimiterEvents>,
): AdaptiveAdmission | undefined {
  if (rule.algorithm !== 'adaptive' || current === undefined) {
    return adaptiveAdmissionFor(rule, options, events);
  }
  current.retune(rule, options.isFailure ?? isTransientFailure);
  return current;
}
