import type { CircuitState, RateLimitAlgorithm } from '../../core/index.js';

/** One breaker, now: its state and its rates over the last sampling interval. */
export interface BreakerRates {
  name: string;
  state: CircuitState;
  requestsPerSecond: number;
  failuresPerSecond: number;
  rejectedPerSecond: number;
  /** Failures in the breaker's current window, in percent. */
  failureRate: number;
  /** 0–100. */
  healthScore: number;
  /** Mean duration of the calls of the interval; null without calls or with metrics off. */
  avgLatencyMs: number | null;
  /** Bucket bound under which 95 % of the interval's calls finished; null as above. */
  p95LatencyMs: number | null;
}

/** One rate limiter, now. */
export interface LimiterRates {
  name: string;
  algorithm: RateLimitAlgorithm;
  allowedPerSecond: number;
  limitedPerSecond: number;
  effectiveLimit: number;
}

/** One bulkhead, now. */
export interface BulkheadRates {
  name: string;
  running: number;
  queued: number;
  maxConcurrent: number;
  maxQueue: number;
  rejectedPerSecond: number;
}

/** The whole app, now. */
export interface RateTotals {
  requestsPerSecond: number;
  failuresPerSecond: number;
  rejectedPerSecond: number;
  /** Failed calls in percent of the calls of the interval. */
  errorRate: number;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  openBreakers: number;
  /** Mean health score of the breakers, 100 without breakers. */
  healthScore: number;
}

/** `GET /resilience/metrics/real-time`: current rates, latencies and states. */
export interface RealTimeView {
  /** When it was measured (ms since the epoch). */
  at: number;
  /** The interval the rates cover, in ms. */
  windowMs: number;
  totals: RateTotals;
  breakers: BreakerRates[];
  limiters: LimiterRates[];
  bulkheads: BulkheadRates[];
}

/** One point of the charts: the totals at one sampling time. */
export interface HistoryPoint extends RateTotals {
  at: number;
}
