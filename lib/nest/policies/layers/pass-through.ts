import type { ExecuteOptions, GuardedFunction, Policy } from '../../../core/index.js';

/** Binds a shared policy to one call: the call's arguments and, if any, its partition key. */
export function bindToCall(policy: Policy, args: readonly unknown[], key?: string): Policy {
  return {
    execute: <T>(fn: GuardedFunction<T>, options?: ExecuteOptions) =>
      policy.execute(fn, { ...options, args, key }),
  };
}
