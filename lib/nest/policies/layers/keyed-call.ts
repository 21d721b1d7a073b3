import type { ExecuteOptions, GuardedFunction, Policy } from '../../../core/index.js';

/**
 * The options of one call, with its arguments and partition key. The signal and attempt
 * are read from the enclosing layer's context only when a policy asks for them: a
 * timeout's context builds its signal on first read, and most calls never need it.
 */
export class KeyedCallOptions implements ExecuteOptions {
  constructor(
    private readonly outer: ExecuteOptions | undefined,
    readonly args: readonly unknown[],
    readonly key: string | undefined,
  ) {}

  get signal(): AbortSignal | undefined {
    return this.outer?.signal;
  }

  get attempt(): number | undefined {
    return this.outer?.attempt;
  }
}

/** Runs one call through a shared policy with the call's arguments and its partition key. */
export function executeWithKey<T>(
  policy: Policy,
  fn: GuardedFunction<T>,
  options: ExecuteOptions | undefined,
  args: readonly unknown[],
  key: string | undefined,
): Promise<T> {
  return policy.execute(fn, new KeyedCallOptions(options, args, key));
}
