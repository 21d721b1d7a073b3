import type { OptionChecker } from '../validation/index.js';

/** Node fires a timer longer than this (2^31 − 1 ms, about 24.8 days) after 1 ms instead. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Records every invalid timeout option on `checker` (nothing for `undefined`). Accepts the
 * `@Timeout(5_000)` shorthand (a number) as well as `{ ms }`.
 */
export function checkTimeoutOptions(options: unknown, checker: OptionChecker): void {
  if (options === undefined) return;
  if (typeof options === 'number') {
    checkMs(options, checker);
    return;
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    checker.fail('ms', `must be a number > 0 or an object { ms }, got ${typeof options}`);
    return;
  }
  const o = options as Record<string, unknown>;
  if (o.ms === undefined)
    checker.fail('ms', 'is required: milliseconds before the call is abandoned');
  else checkMs(o.ms, checker);
  checker.isObject('clock', o.clock);
}

function checkMs(ms: unknown, checker: OptionChecker): void {
  checker.positive('ms', ms);
  if (typeof ms === 'number' && ms > MAX_TIMEOUT_MS) {
    checker.fail(
      'ms',
      `must be at most ${MAX_TIMEOUT_MS} (the longest timer Node keeps), got ${ms}`,
    );
  }
}
