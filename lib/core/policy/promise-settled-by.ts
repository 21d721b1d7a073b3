/** The resolve and reject functions of a promise, kept by the object that settles it. */
export interface Settlers<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** The holder whose promise is being built: an executor runs at once, so one slot serves. */
let building: Settlers<unknown> | undefined;

function keepSettlers(resolve: (value: never) => void, reject: (error: unknown) => void): void {
  const holder = building!;
  building = undefined;
  holder.resolve = resolve as (value: unknown) => void;
  holder.reject = reject;
}

/**
 * A new promise whose `resolve` and `reject` are stored on `holder`. The usual
 * `new Promise((resolve, reject) => ...)` builds a closure and its context per promise:
 * ~120 B on paths that run on every call (a timeout's, an HTTP attempt's).
 */
export function promiseSettledBy<T>(holder: Settlers<T>): Promise<T> {
  building = holder as Settlers<unknown>;
  return new Promise<T>(keepSettlers);
}
