import { Observable, type Observer, type Subscriber } from 'rxjs';

/** What becomes of an error before it reaches the subscriber (HTTP: our rejections → answers). */
export type ErrorMapper = (error: unknown) => unknown;

/** An observer that passes everything on to `subscriber`, errors through `mapError`. */
export function forwardTo<T>(subscriber: Subscriber<T>, mapError?: ErrorMapper): Observer<T> {
  return {
    next: (value) => subscriber.next(value),
    error: (error: unknown) => subscriber.error(mapError ? mapError(error) : error),
    complete: () => subscriber.complete(),
  };
}

/** `source` with its errors mapped: one subscription, no operator chain. */
export function withMappedErrors<T>(source: Observable<T>, mapError: ErrorMapper): Observable<T> {
  return new Observable<T>((subscriber) => source.subscribe(forwardTo(subscriber, mapError)));
}
