import type { Clock } from '../clock/clock.js';

/**
 * Waits `ms` on `clock`. Rejects with the signal's reason as soon as `signal` aborts, and
 * leaves neither a timer nor an abort listener behind on any path.
 */
export function abortableSleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
