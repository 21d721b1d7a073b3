import { toExecutionContext, invokeGuarded } from './execution-context.js';
import type { ExecuteOptions, GuardedFunction, Policy } from './policy.js';

/**
 * Composes policies into one, outermost first: `compose(retry, breaker, timeout)` retries
 * calls that go through the breaker, each attempt bounded by the timeout.
 */
export function compose(...policies: Policy[]): Policy {
  if (policies.length === 1) return policies[0];
  return {
    execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
      const run = (index: number, layerOptions?: ExecuteOptions): Promise<T> =>
        index === policies.length
          ? invokeGuarded(fn, toExecutionContext(layerOptions))
          : policies[index].execute((context) => run(index + 1, context), layerOptions);
      return run(0, options);
    },
  };
}
