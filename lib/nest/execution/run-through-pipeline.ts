import { defer, from, isObservable, mergeMap, of, type Observable } from 'rxjs';
import type { MethodPipeline } from '../policies/method-pipeline.js';
import { collectObservable } from './collect-observable.js';
import type { Invocation } from './invocation.js';

/**
 * Observable in, Observable out: the policies run once per subscription, and each attempt
 * subscribes to a fresh source (so a retry re-subscribes, re-invoking the handler).
 */
export function observableThroughPipeline<T>(
  pipeline: MethodPipeline,
  invocation: Invocation,
  source: () => Observable<T>,
): Observable<T> {
  return defer(() =>
    from(
      pipeline.execute<unknown>(
        invocation,
        async ({ signal }) => new CollectedValues(await collectObservable(source(), signal)),
      ),
    ),
  ).pipe(mergeMap((result) => emitted<T>(result)));
}

/** What one successful attempt emitted; anything else came from a fallback layer. */
class CollectedValues {
  constructor(readonly values: unknown[]) {}
}

function emitted<T>(result: unknown): Observable<T> {
  if (result instanceof CollectedValues) return from(result.values as T[]);
  return isObservable(result) ? (result as Observable<T>) : of(result as T);
}

/** Promise in, Promise out; a method that returns an Observable at run time is collected. */
export function promiseThroughPipeline<T>(
  pipeline: MethodPipeline,
  invocation: Invocation,
  call: () => T | PromiseLike<T>,
): Promise<T> {
  return pipeline.execute(invocation, async ({ signal }) => {
    const result = await call();
    if (!isObservable(result)) return result;
    const values = await collectObservable(result, signal);
    return values[values.length - 1] as T;
  });
}
