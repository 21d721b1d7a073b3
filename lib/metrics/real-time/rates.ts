import type { CircuitBreakerStats } from '../../core/index.js';
import { quantileOfBuckets } from '../latency-tally.js';
import type { LatencyReading } from '../resilience-metrics.js';
import type { CallSample } from './call-sample.js';
import type { BreakerRates, RateTotals, RealTimeView } from './real-time.types.js';

interface LatencyDelta {
  bounds: readonly number[];
  buckets: number[];
  count: number;
  sumSeconds: number;
}

/** A counter that went down was reset in between: what it counted since is all we know. */
const grown = (after: number, before: number | undefined): number =>
  before === undefined || after < before ? after : after - before;

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Rates, latencies and states between two samples of the same app. */
export function ratesBetween(before: CallSample, after: CallSample): RealTimeView {
  const seconds = Math.max(after.at - before.at, 1) / 1000;
  const perSecond = (count: number): number => round(count / seconds);
  const previous = new Map(before.stats.breakers.map((b) => [b.name, b]));
  const latencies = [...after.latency.keys()]
    .map((name) => latencyDelta(after.latency.get(name), before.latency.get(name)))
    .filter((delta): delta is LatencyDelta => delta !== undefined);
  const breakers = after.stats.breakers.map((now): BreakerRates => {
    const then = previous.get(now.name);
    const latency = latencyDelta(after.latency.get(now.name), before.latency.get(now.name));
    return {
      name: now.name,
      state: now.state,
      requestsPerSecond: perSecond(grown(callsOf(now), then && callsOf(then))),
      failuresPerSecond: perSecond(grown(now.failures, then?.failures)),
      rejectedPerSecond: perSecond(grown(now.rejected, then?.rejected)),
      failureRate: round(now.failureRate, 1),
      healthScore: now.healthScore,
      ...latencyFigures(latency),
    };
  });
  const limitersBefore = new Map(before.stats.limiters.map((l) => [l.name, l]));
  const bulkheadsBefore = new Map(before.stats.bulkheads.map((b) => [b.name, b]));
  return {
    at: after.at,
    windowMs: after.at - before.at,
    totals: totalsOf(breakers, latencies),
    breakers,
    limiters: after.stats.limiters.map((now) => ({
      name: now.name,
      algorithm: now.algorithm,
      allowedPerSecond: perSecond(grown(now.allowed, limitersBefore.get(now.name)?.allowed)),
      limitedPerSecond: perSecond(grown(now.limited, limitersBefore.get(now.name)?.limited)),
      effectiveLimit: now.effectiveLimit,
    })),
    bulkheads: after.stats.bulkheads.map(
      ({ name, running, queued, maxConcurrent, maxQueue, rejected }) => ({
        name,
        running,
        queued,
        maxConcurrent,
        maxQueue,
        rejectedPerSecond: perSecond(grown(rejected, bulkheadsBefore.get(name)?.rejected)),
      }),
    ),
  };
}

/** Mean health score of the breakers (100 without breakers). */
export function meanHealthScore(breakers: readonly { healthScore: number }[]): number {
  if (breakers.length === 0) return 100;
  return Math.round(breakers.reduce((sum, b) => sum + b.healthScore, 0) / breakers.length);
}

function callsOf(stats: CircuitBreakerStats): number {
  return stats.successes + stats.failures + stats.ignored;
}

function totalsOf(breakers: BreakerRates[], latencies: LatencyDelta[]): RateTotals {
  const sum = (pick: (b: BreakerRates) => number): number =>
    round(breakers.reduce((total, b) => total + pick(b), 0));
  const requestsPerSecond = sum((b) => b.requestsPerSecond);
  const failuresPerSecond = sum((b) => b.failuresPerSecond);
  return {
    requestsPerSecond,
    failuresPerSecond,
    rejectedPerSecond: sum((b) => b.rejectedPerSecond),
    errorRate: requestsPerSecond > 0 ? round((failuresPerSecond / requestsPerSecond) * 100, 1) : 0,
    ...latencyFigures(mergeLatencies(latencies)),
    openBreakers: breakers.filter((b) => b.state === 'OPEN').length,
    healthScore: meanHealthScore(breakers),
  };
}

function latencyDelta(
  after: LatencyReading | undefined,
  before: LatencyReading | undefined,
): LatencyDelta | undefined {
  if (!after) return undefined;
  if (!before || after.count < before.count) return after;
  return {
    bounds: after.bounds,
    buckets: after.buckets.map((n, i) => n - before.buckets[i]),
    count: after.count - before.count,
    sumSeconds: after.sumSeconds - before.sumSeconds,
  };
}

function mergeLatencies(parts: LatencyDelta[]): LatencyDelta | undefined {
  if (parts.length === 0) return undefined;
  return {
    bounds: parts[0].bounds,
    buckets: parts[0].bounds.map((_, i) => parts.reduce((n, p) => n + p.buckets[i], 0)),
    count: parts.reduce((n, p) => n + p.count, 0),
    sumSeconds: parts.reduce((n, p) => n + p.sumSeconds, 0),
  };
}

function latencyFigures(latency: LatencyDelta | undefined): {
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
} {
  if (!latency || latency.count === 0) return { avgLatencyMs: null, p95LatencyMs: null };
  const average = (latency.sumSeconds / latency.count) * 1000;
  const p95 = quantileOfBuckets(latency.bounds, latency.buckets, latency.count, 0.95) ?? average;
  const highest = latency.bounds[latency.bounds.length - 1] * 1000;
  return {
    avgLatencyMs: round(average, 1),
    // Beyond the last bucket the histogram only knows "slower than that".
    p95LatencyMs: Number.isFinite(p95) ? p95 : round(Math.max(average, highest), 1),
  };
}
