import { isObservable, Observable, type Subscriber, type Subscription } from 'rxjs';
import type { ExecutionContext } from '../../core/index.js';
import type { MethodPipeline } from '../policies/method-pipeline.js';
import { collectObservable } from './collect-observable.js';
import { forwardTo, type ErrorMapper } from './forward-to.js';
import type { Invocation } from './invocation.js';
import { CollectedValues, ObservableAttempts } from './observable-attempts.js';

/**
 * Observable in, Observable out: the policies run once per subscription, and each attempt
 * subscribes to a fresh source (so a retry re-subscribes, re-invoking the handler). Errors,
 * also those of a fallback's Observable, reach the subscriber through `mapError`.
 */
export function observableThroughPipeline<T>(
  pipeline: MethodPipeline,
  invocation: Invocation,
  source: () => Observable<T>,
  mapError?: ErrorMapper,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const attempts = new ObservableAttempts(source, pipeline.holdsInsideTimeout);
    let fallbackSubscription: Subscription | undefined;
    pipeline.execute<unknown>(invocation, attempts.attempt).then(
      (result) => {
        attempts.abandonOpenAttempt();
        if (!subscriber.closed) fallbackSubscription = emitResult(result, subscriber, mapError);
      },
      (error: unknown) => {
        attempts.abandonOpenAttempt();
        subscriber.error(mapError ? mapError(error) : error);
      },
    );
    return () => fallbackSubscription?.unsubscribe();
  });
}

/** The values of the successful attempt, or what a fallback answered (a value or a stream). */
function emitResult<T>(
  result: unknown,
  subscriber: Subscriber<T>,
  mapError: ErrorMapper | undefined,
): Subscription | undefined {
  if (result instanceof CollectedValues) {
    (result as CollectedValues<T>).emitTo(subscriber);
    subscriber.complete();
    return undefined;
  }
  if (isObservable(result))
    return (result as Observable<T>).subscribe(forwardTo(subscriber, mapError));
  subscriber.next(result as T);
  subscriber.complete();
  return undefined;
}

/**
 * Promise in, Promise out, for a method whose declared return type leaves it open: a
 * method that returns an Observable at run time (or a promise of one) is collected (its
 * last value). A method declared to return a Promise needs none of this: its promise goes
 * to the policies as it is.
 */
export function promiseThroughPipeline<T>(
  pipeline: MethodPipeline,
  invocation: Invocation,
  call: () => T | PromiseLike<T>,
): Promise<T> {
  return pipeline.execute(invocation, (context) =>
    Promise.resolve(call()).then((value) => lastValueIfObservable(value, context)),
  );
}

function lastValueIfObservable<T>(value: T, context: ExecutionContext): T | Promise<T> {
  if (!isObservable(value)) return value;
  return collectObservable(value as Observable<T>, context.signal).then(
    (values) => values[values.length - 1],
  );
}
