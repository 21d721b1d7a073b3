import { checkRetryOptions } from '../../core/retry/index.js';
import { OptionChecker } from '../../core/validation/index.js';

/**
 * Checks dead-letter retry options (the Retry policy's checks, `maxRetries` an integer
 * >= 1, nothing else).
 *
 * @throws ResilienceConfigError listing every wrong option under `where`.
 */
export function checkDeadLetterOptions(options: unknown, where: string): void {
  const checker = new OptionChecker(where);
  const o = checker.optionsObject(options);
  if (o) {
    const { maxRetries, ...retry } = o;
    checker.integerAtLeast('maxRetries', maxRetries, 1);
    const allowed = ['backoff', 'baseDelayMs', 'maxDelayMs', 'multiplier', 'jitter'];
    for (const key of Object.keys(retry)) {
      if (!allowed.includes(key))
        checker.fail(key, `is not a dead-letter option (maxRetries, ${allowed.join(', ')})`);
    }
    checkRetryOptions(retry, checker);
  }
  checker.throwIfInvalid();
}
