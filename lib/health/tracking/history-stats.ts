import type { CheckRecord, HealthTrend, ResponseTimeStats } from '../dependency-status.js';

/** Fewer checks than this say nothing about a direction. */
export const MIN_CHECKS_FOR_TREND = 4;
/** A change in success rate between the two halves of at least this is a trend. */
const SUCCESS_RATE_SHIFT = 0.25;
/** Passed checks that got this much slower (or faster), by at least `LATENCY_MIN_SHIFT_MS`, are a trend. */
const LATENCY_RATIO = 1.5;
const LATENCY_MIN_SHIFT_MS = 10;

/**
 * The direction of the history (oldest first): the newer half against the older half.
 * A success rate that moved by 0.25 or more decides; otherwise the average response time
 * of passed checks, when it changed by half or more (and at least 10 ms); else stable.
 */
export function trendOf(history: readonly CheckRecord[]): HealthTrend {
  if (history.length < MIN_CHECKS_FOR_TREND) return 'stable';
  const middle = Math.floor(history.length / 2);
  const older = history.slice(0, middle);
  const newer = history.slice(middle);
  const shift = successRateOf(newer) - successRateOf(older);
  if (shift >= SUCCESS_RATE_SHIFT) return 'improving';
  if (shift <= -SUCCESS_RATE_SHIFT) return 'degrading';
  const before = averageOf(passedTimes(older));
  const after = averageOf(passedTimes(newer));
  if (before === undefined || after === undefined) return 'stable';
  if (after >= before * LATENCY_RATIO && after - before >= LATENCY_MIN_SHIFT_MS) return 'degrading';
  if (before >= after * LATENCY_RATIO && before - after >= LATENCY_MIN_SHIFT_MS) return 'improving';
  return 'stable';
}

/** Share of passed checks, 0–1; 1 for an empty history. */
export function successRateOf(history: readonly CheckRecord[]): number {
  if (history.length === 0) return 1;
  return history.filter((record) => record.ok).length / history.length;
}

/** Last, average, 95th percentile and maximum response time over the history. */
export function responseTimeStatsOf(history: readonly CheckRecord[]): ResponseTimeStats {
  if (history.length === 0) return {};
  const times = history.map((record) => record.responseTimeMs);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    last: times[times.length - 1],
    average: Math.round(averageOf(times) ?? 0),
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
    max: sorted[sorted.length - 1],
  };
}

function passedTimes(history: readonly CheckRecord[]): number[] {
  return history.filter((record) => record.ok).map((record) => record.responseTimeMs);
}

function averageOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
