import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { ResilienceService } from '../../nest/resilience.service.js';
import { ResilienceMetrics } from '../resilience-metrics.js';
import { scheduleInterval } from '../scheduled-interval.js';
import { takeSample, type CallSample } from './call-sample.js';
import { ratesBetween } from './rates.js';
import type { HistoryPoint, RealTimeView } from './real-time.types.js';

/** Points kept per breaker for its sparkline. */
export const BREAKER_HISTORY_POINTS = 60;

/** The last points of one breaker, oldest first. */
export interface BreakerHistory {
  requestsPerSecond: number[];
  failureRate: number[];
}

/**
 * Samples every policy's counters every `metrics.sampleIntervalMs` (a `SchedulerRegistry`
 * interval, removed on shutdown) and keeps the app's totals for `metrics.retentionHours`
 * as chart points, and the last {@link BREAKER_HISTORY_POINTS} points of each breaker.
 */
@Injectable()
export class RealTimeSampler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private readonly intervalMs: number;
  private readonly maxPoints: number;
  private samples: CallSample[] = [];
  private readonly points: HistoryPoint[] = [];
  private readonly breakers = new Map<string, BreakerHistory>();
  private stop?: () => void;

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    private readonly resilience: ResilienceService,
    private readonly metrics: ResilienceMetrics,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.intervalMs = options.metrics.sampleIntervalMs;
    this.maxPoints = Math.ceil((options.metrics.retentionHours * 3_600_000) / this.intervalMs);
  }

  onApplicationBootstrap(): void {
    this.tick();
    this.stop = scheduleInterval(
      this.scheduler,
      'resilience.metrics.sample',
      this.intervalMs,
      () => this.tick(),
      (error) => this.logger.error(`Sampling the real-time metrics failed: ${String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Takes a sample and, from the second one on, adds a chart point. */
  tick(now = Date.now()): void {
    const sample = this.sampleAt(now);
    const previous = this.samples[this.samples.length - 1];
    this.samples = [...this.samples.slice(-2), sample];
    if (!previous) return;
    const view = ratesBetween(previous, sample);
    this.points.push({ at: view.at, ...view.totals });
    if (this.points.length > this.maxPoints)
      this.points.splice(0, this.points.length - this.maxPoints);
    this.recordBreakers(view);
  }

  /** States as of now; rates and latencies over about the last sampling interval. */
  current(now = Date.now()): RealTimeView {
    const live = this.sampleAt(now);
    let base = this.samples[0] ?? live;
    for (const sample of this.samples) if (now - sample.at >= this.intervalMs / 2) base = sample;
    return ratesBetween(base, live);
  }

  /** The last `limit` chart points, oldest first. */
  history(limit = this.maxPoints): HistoryPoint[] {
    return this.points.slice(-limit);
  }

  /** The sparkline points of one breaker (empty before two samples). */
  breakerHistory(name: string): BreakerHistory {
    return this.breakers.get(name) ?? { requestsPerSecond: [], failureRate: [] };
  }

  private sampleAt(now: number): CallSample {
    return takeSample(now, this.resilience.stats(), {
      names: () => this.metrics.latencyNames(),
      of: (name) => this.metrics.latencyOf(name),
    });
  }

  private recordBreakers(view: RealTimeView): void {
    const seen = new Set<string>();
    for (const breaker of view.breakers) {
      seen.add(breaker.name);
      let history = this.breakers.get(breaker.name);
      if (!history)
        this.breakers.set(breaker.name, (history = { requestsPerSecond: [], failureRate: [] }));
      pushBounded(history.requestsPerSecond, breaker.requestsPerSecond);
      pushBounded(history.failureRate, breaker.failureRate);
    }
    // Keyed breakers come and go: forget the history of those no longer listed.
    for (const name of this.breakers.keys()) if (!seen.has(name)) this.breakers.delete(name);
  }
}

function pushBounded(values: number[], value: number): void {
  values.push(value);
  if (values.length > BREAKER_HISTORY_POINTS) values.shift();
}
