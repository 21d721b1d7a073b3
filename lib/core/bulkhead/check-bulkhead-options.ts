import type { OptionChecker } from '../validation/index.js';

/** Records every invalid bulkhead option on `checker` (nothing for `undefined`). */
export function checkBulkheadOptions(options: unknown, checker: OptionChecker): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    checker.fail('options', 'must be an object { maxConcurrent, maxQueue }');
    return;
  }
  const o = options as Record<string, unknown>;
  checker
    .integerAtLeast('maxConcurrent', o.maxConcurrent, 1)
    .integerAtLeast('maxQueue', o.maxQueue, 0);
}
