import { Inject, Injectable } from '@nestjs/common';
import { register, type Registry } from 'prom-client';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { levelRank, type DegradationLevel } from '../degradation/degradation-level.js';
import { LATENCY_BUCKETS_SECONDS } from './metric-names.js';
import { metricSetFor, type MetricSet } from './metric-set.js';

/** Latency counts of one breaker name, for the real-time view. */
export interface LatencyReading {
  /** Upper bounds in seconds. */
  bounds: readonly number[];
  /** Per-bucket counts (not cumulative), success and failure together. */
  buckets: number[];
  count: number;
  sumSeconds: number;
}

/**
 * The Prometheus metrics of DESIGN §5 on the configured registry (prom-client's global one
 * by default). Policies, dependency checks and degradation changes feed them through the
 * app's events; the methods below are for the dead-letter queue and anything else that
 * reports by hand. With `metrics.enabled: false` every method does nothing.
 *
 * @example
 * ```ts
 * metrics.recordDeadLetterAdded('email');
 * metrics.setDeadLetterCount('email', await dlq.count('email'));
 * ```
 */
@Injectable()
export class ResilienceMetrics {
  /** False with `metrics.enabled: false`. */
  readonly enabled: boolean;
  /** Where the metrics are registered. */
  readonly registry: Registry;
  /** The metric objects, shared by every module instance on the same registry. */
  readonly metricSet: MetricSet | undefined;

  constructor(@Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions) {
    this.enabled = options.metrics.enabled;
    this.registry = (options.metrics.registry as Registry | undefined) ?? register;
    this.metricSet = this.enabled ? metricSetFor(this.registry, options.metrics.prefix) : undefined;
  }

  /** The registry's metrics in its text format (every metric in it, not only ours). */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /** One dependency health check: whether it passed, and how long it took. */
  recordHealthCheck(dependency: string, ok: boolean, durationMs: number): void {
    if (!this.metricSet) return;
    const status = ok ? 'up' : 'down';
    this.metricSet.healthCheckDuration.observe({ dependency, status }, durationMs / 1000);
    this.metricSet.healthCheckStatus.set({ dependency }, ok ? 1 : 0);
  }

  /** The current degradation level (without counting a change). */
  setDegradationLevel(level: DegradationLevel): void {
    this.metricSet?.degradationLevel.set(levelRank(level));
  }

  /** The degradation level changed. */
  recordDegradationChange(from: DegradationLevel, to: DegradationLevel): void {
    if (!this.metricSet) return;
    this.metricSet.degradationEvents.inc({ from, to });
    this.setDegradationLevel(to);
  }

  /** Messages of `type` waiting in the dead-letter queue now. */
  setDeadLetterCount(type: string, count: number): void {
    this.metricSet?.dlqMessages.set({ type }, count);
  }

  /** A message of `type` was added to the dead-letter queue. */
  recordDeadLetterAdded(type: string): void {
    this.metricSet?.dlqMessagesAdded.inc({ type });
  }

  /** A dead-letter handler run ended (`success`, `failure`, `exhausted`, ...). */
  recordDeadLetterProcessed(type: string, outcome: string, durationMs: number): void {
    this.metricSet?.dlqProcessingDuration.observe({ type, outcome }, durationMs / 1000);
  }

  /** Names with latencies: breakers, and keyed breakers as one (their children have none). */
  latencyNames(): string[] {
    const series = this.metricSet?.breakerResponseTime.seriesLabels() ?? [];
    return [...new Set(series.map(([name]) => name))];
  }

  /** What the breakers named `name` have measured so far; undefined before any call. */
  latencyOf(name: string): LatencyReading | undefined {
    const histogram = this.metricSet?.breakerResponseTime;
    const parts = [histogram?.find(name, 'success'), histogram?.find(name, 'failure')];
    const found = parts.filter((part) => part !== undefined);
    if (found.length === 0) return undefined;
    return {
      bounds: LATENCY_BUCKETS_SECONDS,
      buckets: LATENCY_BUCKETS_SECONDS.map((_, i) => found.reduce((n, t) => n + t.buckets[i], 0)),
      count: found.reduce((n, t) => n + t.count, 0),
      sumSeconds: found.reduce((n, t) => n + t.sum, 0),
    };
  }
}
