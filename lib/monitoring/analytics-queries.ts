import { addTally, type ErrorAnalytics, type RecoveryTally } from './error-analytics.js';
import type { ErrorTrend, StrategyEffectiveness, TopError } from './report.types.js';

const MINUTE = 60_000;
/** A trend is rising or falling when the rate changes by half and by at least this much. */
const MIN_TREND_CHANGE_PER_MINUTE = 1;

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Error rate per service and category in `[from, to)` against the window just before. */
export function errorTrends(analytics: ErrorAnalytics, from: number, to: number): ErrorTrend[] {
  const minutes = Math.max(to - from, 1) / MINUTE;
  const now = byServiceAndCategory(analytics, from, to);
  const before = byServiceAndCategory(analytics, from - (to - from), from);
  return [...now]
    .map(([key, count]): ErrorTrend => {
      const [service, category] = key.split('\u0000');
      const perMinute = round(count / minutes);
      const previousPerMinute = round((before.get(key) ?? 0) / minutes);
      return {
        service,
        category,
        count,
        perMinute,
        previousPerMinute,
        direction: directionOf(perMinute, previousPerMinute),
      };
    })
    .sort((a, b) => b.perMinute - a.perMinute);
}

/** The most frequent errors of `[from, to)`. */
export function topErrors(
  analytics: ErrorAnalytics,
  from: number,
  to: number,
  limit = 10,
): TopError[] {
  const counts = analytics.errorCounts(from, to);
  const total = counts.reduce((sum, { value }) => sum + value, 0);
  return counts
    .map(({ parts: [service, category, errorType], value: count }) => ({
      service,
      category,
      errorType,
      count,
      share: round(count / total, 3),
    }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Recovery success and time per strategy in `[from, to)`, best first. */
export function effectivenessByStrategy(
  analytics: ErrorAnalytics,
  from: number,
  to: number,
): StrategyEffectiveness[] {
  const strategies = new Map<string, { tally: RecoveryTally; categories: Set<string> }>();
  for (const { parts, value } of analytics.recoveryTallies(from, to)) {
    const [, category, strategy] = parts;
    const entry = strategies.get(strategy) ?? {
      tally: addTally(undefined, value),
      categories: new Set(),
    };
    if (strategies.has(strategy)) entry.tally = addTally(entry.tally, value);
    entry.categories.add(category);
    strategies.set(strategy, entry);
  }
  return [...strategies]
    .map(([strategy, { tally, categories }]) => ({
      strategy,
      ...recoveryFigures(tally),
      categories: [...categories].sort(),
    }))
    .sort(
      (a, b) =>
        b.successRate - a.successRate ||
        b.attempts - a.attempts ||
        a.strategy.localeCompare(b.strategy),
    );
}

/** Success rate and average time of a tally. */
export function recoveryFigures(tally: RecoveryTally): {
  attempts: number;
  successes: number;
  successRate: number;
  averageRecoveryTimeMs: number | null;
} {
  return {
    attempts: tally.attempts,
    successes: tally.successes,
    successRate: tally.attempts > 0 ? round(tally.successes / tally.attempts, 3) : 1,
    averageRecoveryTimeMs: tally.timed > 0 ? Math.round(tally.totalMs / tally.timed) : null,
  };
}

function byServiceAndCategory(
  analytics: ErrorAnalytics,
  from: number,
  to: number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { parts, value } of analytics.errorCounts(from, to)) {
    const key = `${parts[0]}\u0000${parts[1]}`;
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  return totals;
}

function directionOf(now: number, before: number): ErrorTrend['direction'] {
  if (before === 0) return now > 0 ? 'new' : 'stable';
  const change = now - before;
  if (Math.abs(change) < MIN_TREND_CHANGE_PER_MINUTE) return 'stable';
  if (now >= before * 1.5) return 'rising';
  if (now <= before / 1.5) return 'falling';
  return 'stable';
}
