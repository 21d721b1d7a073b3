import type { CircuitBreakerPolicy } from '../../../lib/core/circuit-breaker/index.js';
import type { TestClock } from '../../../lib/core/clock/index.js';

/** An error with an HTTP status, like the ones HTTP clients throw. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A promise the test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = string>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The value a promise rejects with (fails the test if it fulfils). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** One successful call; `durationMs` of clock time passes inside it. */
export function succeed(
  breaker: CircuitBreakerPolicy,
  clock?: TestClock,
  durationMs = 0,
): Promise<string> {
  return breaker.execute(() => {
    if (clock && durationMs > 0) clock.set(clock.now() + durationMs);
    return 'ok';
  });
}

/** One failed call (its rejection is returned, not thrown). */
export function fail(
  breaker: CircuitBreakerPolicy,
  error: unknown = new Error('boom'),
  clock?: TestClock,
  durationMs = 0,
): Promise<unknown> {
  return rejectionOf(
    breaker.execute(() => {
      if (clock && durationMs > 0) clock.set(clock.now() + durationMs);
      throw error;
    }),
  );
}

/** `times` failed calls in a row. */
export async function failTimes(breaker: CircuitBreakerPolicy, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await fail(breaker);
}
