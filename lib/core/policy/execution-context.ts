import type { ExecuteOptions, ExecutionContext } from './policy.js';

const neverAborted = new AbortController().signal;

/**
 * The caller's own signal, or `undefined` when the call has none. Calls without a signal
 * share one never-aborted signal; listening to it would pile up listeners for nothing.
 */
export function callerSignalOf(options?: { signal?: AbortSignal }): AbortSignal | undefined {
  const signal = options?.signal;
  return signal === neverAborted ? undefined : signal;
}

const firstAttemptWithoutOptions: ExecutionContext = Object.freeze({
  signal: neverAborted,
  attempt: 1,
  key: undefined,
  args: undefined,
});

/**
 * Builds the context handed to a guarded function from the caller's options (with
 * `attempt` in place of theirs when given). Calls without options share one context.
 */
export function toExecutionContext(options?: ExecuteOptions, attempt?: number): ExecutionContext {
  if (options === undefined && (attempt === undefined || attempt === 1)) {
    return firstAttemptWithoutOptions;
  }
  return {
    signal: options?.signal ?? neverAborted,
    attempt: attempt ?? options?.attempt ?? 1,
    key: options?.key,
    args: options?.args,
  };
}

/** Calls `fn` and always returns a promise, turning a synchronous throw into a rejection. */
export function invokeGuarded<T>(
  fn: (context: ExecutionContext) => T | PromiseLike<T>,
  context: ExecutionContext,
): Promise<T> {
  try {
    return Promise.resolve(fn(context));
  } catch (error) {
    return Promise.reject(error);
  }
}
