import {
  callContext,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
} from '../../../core/index.js';

/** Runs one call through a shared policy with the call's arguments and its partition key. */
export function executeWithKey<T>(
  policy: Policy,
  fn: GuardedFunction<T>,
  options: ExecuteOptions | undefined,
  args: readonly unknown[],
  key: string | undefined,
): Promise<T> {
  return policy.execute(fn, callContext(options, args, key));
}
