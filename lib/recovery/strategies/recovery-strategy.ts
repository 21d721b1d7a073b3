import type { ErrorClassification, RecoveryStrategyName } from '../../core/classification/index.js';
import type { RecoveryContext } from '../recovery.types.js';

/** One recovery of one error, as a strategy sees it. */
export interface RecoveryRequest<T = unknown> {
  readonly error: unknown;
  readonly context: RecoveryContext<T>;
  readonly classification: ErrorClassification;
  /** Counts the calls the strategy makes (`RecoveryResult.attempts`). */
  readonly tally: { attempts: number };
}

/**
 * A way to recover. `applicable` says whether it can run for this request (the context
 * has what it needs); `run` resolves to the recovered value or rejects with the error
 * that made it give up.
 */
export interface RecoveryStrategy {
  readonly name: RecoveryStrategyName;
  applicable(request: RecoveryRequest): boolean;
  run<T>(request: RecoveryRequest<T>): Promise<T>;
}

/** Calls `retryFn` once, counted. */
export async function callRetryFn<T>(
  request: RecoveryRequest<T>,
  strategy: RecoveryStrategyName,
  attempt: number,
  extra: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<T> {
  const retryFn = request.context.retryFn as NonNullable<RecoveryContext<T>['retryFn']>;
  request.tally.attempts++;
  return retryFn({ strategy, attempt, ...extra });
}
