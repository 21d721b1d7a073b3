import type { Observable } from 'rxjs';

/**
 * Subscribes to `source` and resolves with every value it emitted once it completes.
 * An aborted signal (a timeout, the caller giving up) unsubscribes at once and rejects
 * with the signal's reason. Values are buffered per attempt so that a retried stream
 * never shows a failed attempt's values downstream.
 */
export function collectObservable<T>(source: Observable<T>, signal: AbortSignal): Promise<T[]> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T[]>((resolve, reject) => {
    const values: T[] = [];
    const onAbort = (): void => {
      subscription.unsubscribe();
      reject(signal.reason);
    };
    const subscription = source.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
      complete: () => {
        signal.removeEventListener('abort', onAbort);
        resolve(values);
      },
    });
    if (!subscription.closed) signal.addEventListener('abort', onAbort, { once: true });
  });
}
