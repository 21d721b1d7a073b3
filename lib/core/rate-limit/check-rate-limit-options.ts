import type { OptionChecker } from '../validation/index.js';
import { RATE_LIMIT_DEFAULTS } from './rate-limit-rule.js';
import { STORE_FAILURE_MODES } from '../outage/index.js';
import type { RateLimitAlgorithm } from './rate-limit.options.js';

const ALGORITHMS: readonly RateLimitAlgorithm[] = [
  'sliding-window',
  'sliding-window-counter',
  'fixed-window',
  'token-bucket',
  'adaptive',
];

/** Records every invalid rate-limit option on `checker` (nothing for `undefined`). */
export function checkRateLimitOptions(options: unknown, checker: OptionChecker): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    checker.fail('options', 'must be an object { limit, windowMs, algorithm, ... }');
    return;
  }
  const o = options as Record<string, unknown>;
  checker
    .isString('name', o.name)
    .integerAtLeast('limit', o.limit, 1)
    .positive('windowMs', o.windowMs)
    .oneOf('algorithm', o.algorithm, ALGORITHMS)
    .integerAtLeast('burst', o.burst, 1)
    .positive('refillPerSecond', o.refillPerSecond)
    .ratio('adaptiveThreshold', o.adaptiveThreshold)
    .integerAtLeast('minLimit', o.minLimit, 1)
    .isFunction('isFailure', o.isFailure)
    .integerAtLeast('maxKeys', o.maxKeys, 1)
    .oneOf('onStoreFailure', o.onStoreFailure, STORE_FAILURE_MODES);
  checkFactor(
    checker,
    'backoffFactor',
    o.backoffFactor,
    'a number in (0, 1)',
    (f) => f > 0 && f < 1,
  );
  checker.positive('recoveryStep', o.recoveryStep);
  const limit = o.limit ?? RATE_LIMIT_DEFAULTS.limit;
  if (typeof limit === 'number' && typeof o.minLimit === 'number' && o.minLimit > limit) {
    checker.fail('minLimit', `must not exceed limit (${limit}), got ${o.minLimit}`);
  }
  const clock = o.clock as { now?: unknown } | undefined;
  if (clock !== undefined && (typeof clock !== 'object' || typeof clock?.now !== 'function')) {
    checker.fail('clock', 'must be a Clock { now(), setTimeout(), clearTimeout() }');
  }
}

function checkFactor(
  checker: OptionChecker,
  name: string,
  value: unknown,
  expected: string,
  inRange: (factor: number) => boolean,
): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value)) {
    checker.fail(
      name,
      `must be ${expected}, got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
    );
  }
}
