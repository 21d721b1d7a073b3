/** An opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = unknown;

/**
 * Every time read and every timer in the core goes through a `Clock`, so tests can
 * replace real time with a {@link TestClock} and advance it by hand.
 */
export interface Clock {
  /** Milliseconds since the epoch (or since the test clock's origin). */
  now(): number;
  /**
   * Milliseconds on a clock that never jumps (the wall clock may be set back or forward),
   * for deadlines of calls in flight. Optional: where a clock lacks it, `now()` serves.
   */
  monotonicNow?(): number;
  /** Schedules `callback` after `ms`; `unref` timers never keep the process alive. */
  setTimeout(callback: () => void, ms: number, options?: { unref?: boolean }): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /**
   * Lets a timer keep the process alive (`true`) or not, without rescheduling it. Optional:
   * where a clock lacks it, callers clear the timer instead.
   */
  keepAlive?(handle: TimerHandle, keepAlive: boolean): void;
}
