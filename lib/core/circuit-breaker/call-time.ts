import type { Clock } from '../clock/index.js';

/**
 * The time of a call that was not read from the clock, because nothing needed it: no time
 * window, no slow calls, no adaptive threshold, no listener of durations. Reading the clock
 * twice per call would otherwise cost a third of a breaker's time on the success path.
 */
export const UNTIMED = Number.NaN;

/** `at`, or the clock's time when `at` was not read ({@link UNTIMED}). */
export function timeOrNow(at: number, clock: Clock): number {
  return Number.isNaN(at) ? clock.now() : at;
}

/** The duration between two times, 0 when they were not read. */
export function durationBetween(startedAt: number, endedAt: number): number {
  const duration = endedAt - startedAt;
  return Number.isNaN(duration) ? 0 : duration;
}
