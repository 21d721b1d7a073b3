import type { Clock, TimerHandle } from './clock.js';

/** The real clock: `Date.now()`, `performance.now()` for deadlines, and Node timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  // The global is read on every call (Node's lazy getter costs ~6 ns): jest's fake timers
  // replace `globalThis.performance`, and deadlines must follow them.
  monotonicNow: () => performance.now(),
  setTimeout(callback: () => void, ms: number, options?: { unref?: boolean }): TimerHandle {
    const timer = setTimeout(callback, ms);
    if (options?.unref) timer.unref();
    return timer;
  },
  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as NodeJS.Timeout);
  },
  keepAlive(handle: TimerHandle, keepAlive: boolean): void {
    if (keepAlive) (handle as NodeJS.Timeout).ref();
    else (handle as NodeJS.Timeout).unref();
  },
};
