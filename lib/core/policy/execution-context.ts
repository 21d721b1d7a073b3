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

/** Options that can tell whether their call was aborted without building a signal. */
interface LazySignal {
  abortedWith(): { reason: unknown } | undefined;
}

function hasLazySignal(options: object): options is LazySignal {
  return typeof (options as Partial<LazySignal>).abortedWith === 'function';
}

/**
 * Why the call was aborted (its caller gave up, or a timeout around it fired), or
 * `undefined` while it may run on. Asks without building a signal nobody has built yet: a
 * policy's "already aborted?" check must not cost an AbortController per call.
 */
export function abortOf(options?: ExecuteOptions): { reason: unknown } | undefined {
  if (options === undefined) return undefined;
  if (hasLazySignal(options)) return options.abortedWith();
  const signal = options.signal;
  return signal?.aborted ? { reason: signal.reason } : undefined;
}

/** Throws the abort reason if the call was aborted (see {@link abortOf}). */
export function throwIfAborted(options?: ExecuteOptions): void {
  const aborted = abortOf(options);
  if (aborted) throw aborted.reason;
}

/**
 * A context derived from the options a policy was given. The signal is read from them only
 * when someone asks: the options may be a timeout's context, which builds its
 * AbortController on first read, and most functions never look at it.
 */
class DerivedContext implements ExecutionContext, LazySignal {
  constructor(
    private readonly from: ExecuteOptions | undefined,
    readonly attempt: number,
    readonly key: string | undefined,
    readonly args: readonly unknown[] | undefined,
  ) {}

  get signal(): AbortSignal {
    return this.from?.signal ?? neverAborted;
  }

  abortedWith(): { reason: unknown } | undefined {
    return abortOf(this.from);
  }
}

/**
 * Builds the context handed to a guarded function from the caller's options (with
 * `attempt` in place of theirs when given). Calls without options share one context.
 */
export function toExecutionContext(options?: ExecuteOptions, attempt?: number): ExecutionContext {
  if (options === undefined && (attempt === undefined || attempt === 1)) {
    return firstAttemptWithoutOptions;
  }
  // A policy inside another gets the outer one's context: deriving it again changes nothing.
  const keepsAttempt = attempt === undefined || attempt === options?.attempt;
  if (keepsAttempt && options instanceof DerivedContext) return options;
  if (keepsAttempt && options === firstAttemptWithoutOptions) return firstAttemptWithoutOptions;
  return new DerivedContext(options, attempt ?? options?.attempt ?? 1, options?.key, options?.args);
}

/**
 * The context of one call through a policy shared between calls: `options` (signal and
 * attempt, read lazily as above) with this call's arguments and partition key.
 */
export function callContext(
  options: ExecuteOptions | undefined,
  args: readonly unknown[],
  key: string | undefined,
): ExecutionContext {
  return new DerivedContext(options, options?.attempt ?? 1, key, args);
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
