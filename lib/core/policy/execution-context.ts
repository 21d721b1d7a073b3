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

/** Builds the context handed to a guarded function from the caller's options. */
export function toExecutionContext(options?: ExecuteOptions): ExecutionContext {
  return {
    signal: options?.signal ?? neverAborted,
    attempt: options?.attempt ?? 1,
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
