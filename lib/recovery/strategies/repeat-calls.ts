import { isTransientFailure } from '../../core/classification/index.js';
import type { RecoveryStrategyName } from '../../core/classification/index.js';
import { callRetryFn, type RecoveryRequest } from './recovery-strategy.js';

/** There is a `retryFn`, and calling again unchanged may succeed. */
export function canRepeat(request: RecoveryRequest): boolean {
  return request.context.retryFn !== undefined && request.classification.retryable;
}

/**
 * Calls `retryFn` up to `calls` times until one succeeds. `before(attempt, lastError)` runs
 * before each call (to wait) and may return false to give up. An error that is not worth
 * repeating (a client error, an open breaker) ends it; the last error is rethrown.
 */
export async function repeatCalls<T>(
  request: RecoveryRequest<T>,
  strategy: RecoveryStrategyName,
  calls: number,
  before?: (attempt: number, lastError: unknown) => Promise<boolean>,
): Promise<T> {
  let lastError: unknown = request.error;
  for (let attempt = 1; attempt <= calls; attempt++) {
    if (before && !(await before(attempt, lastError))) break;
    try {
      return await callRetryFn(request, strategy, attempt);
    } catch (error) {
      lastError = error;
      if (!isTransientFailure(error)) break;
    }
  }
  throw lastError;
}
