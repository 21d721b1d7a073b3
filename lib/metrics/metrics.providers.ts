import type { Provider } from '@nestjs/common';
import { MetricsFeed } from './metrics-feed.js';
import { RealTimeSampler } from './real-time/real-time-sampler.js';
import { ResilienceMetrics } from './resilience-metrics.js';

/** Prometheus metrics, what feeds them, and the real-time sampler. */
export const METRICS_PROVIDERS: Provider[] = [ResilienceMetrics, MetricsFeed, RealTimeSampler];
