import { toExecutionContext, invokeGuarded } from './execution-context.js';
import type { ExecuteOptions, ExecutionContext, GuardedFunction, Policy } from './policy.js';

/**
 * Composes policies into one, outermost first: `compose(retry, breaker, timeout)` retries
 * calls that go through the breaker, each attempt bounded by the timeout.
 */
export function compose(...policies: Policy[]): Policy {
  if (policies.length === 0) return { execute: (fn, options) => runAlone(fn, options) };
  if (policies.length === 1) return policies[0];
  const last = policies.length - 1;
  return {
    execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
      // The innermost policy calls `fn` itself, with its own context: no extra layer.
      const run = (index: number, context: ExecutionContext): Promise<T> =>
        index === last
          ? policies[index].execute(fn, context)
          : policies[index].execute((inner) => run(index + 1, inner), context);
      return policies[0].execute((inner) => run(1, inner), options);
    },
  };
}

function runAlone<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
  return invokeGuarded(fn, toExecutionContext(options));
}
