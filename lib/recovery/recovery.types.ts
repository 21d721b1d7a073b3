import type { ErrorClassification, RecoveryStrategyName } from '../core/classification/index.js';

/** What `retryFn` is told about the call it is asked to make. */
export interface RecoveryAttempt {
  /** The strategy making the call. */
  strategy: RecoveryStrategyName;
  /** 1 for the first call a strategy makes, then 2, 3 … */
  attempt: number;
  /** Aborted when the strategy gives up on the call (the longer-timeout self-heal). */
  signal?: AbortSignal;
  /** The timeout the call now has, when a strategy sets one. */
  timeoutMs?: number;
}

/** Where an error happened and what recovery may do about it. */
export interface RecoveryContext<T = unknown> {
  /** The failing service or dependency; learning, breakers and correlation are per service. */
  serviceId: string;
  /** What was being done, e.g. `charge` (for logs and events). */
  operation?: string;
  /** Makes the failed call again (retry, backoff, circuit break and self-heal need it). */
  retryFn?: (attempt: RecoveryAttempt) => Promise<T> | T;
  /** Answers without the failed dependency; always tried last. */
  fallbackFn?: (error: unknown) => Promise<T> | T;
  /** A checkpoint to restore (checkpoint restore strategy). */
  checkpointId?: string;
  /** Continues from the restored checkpoint state; without it the state is the result. */
  resumeFn?: (state: unknown) => Promise<T> | T;
  /** Undoes partial work (transaction rollback strategy); its value is the result. */
  rollbackFn?: (error: unknown) => Promise<T> | T;
  /** The timeout the failed call had; the timeout self-heal retries with a longer one. */
  timeoutMs?: number;
  /** Limits the strategies tried (fallback still comes last when `fallbackFn` is given). */
  strategies?: readonly RecoveryStrategyName[];
  /** Anything else, passed to self-healing hooks and classification rules. */
  metadata?: Record<string, unknown>;
}

/** The outcome of `recoverFromError`. */
export interface RecoveryResult<T = unknown> {
  status: 'success' | 'failed';
  /** The strategy that produced the result, or the last one tried; `none` if none applied. */
  strategy: RecoveryStrategyName | 'none';
  /** Calls made while recovering (retries, fallback, restore, hooks excluded). */
  attempts: number;
  durationMs: number;
  result?: T;
  /** The last strategy's error when every strategy failed, else the original error. */
  error?: unknown;
  classification: ErrorClassification;
  /** The strategies run, in order. */
  tried: RecoveryStrategyName[];
}
