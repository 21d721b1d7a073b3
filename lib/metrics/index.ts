export { ResilienceMetrics, type LatencyReading } from './resilience-metrics.js';
export {
  METRIC_DEFINITIONS,
  LATENCY_BUCKETS_SECONDS,
  DELAY_BUCKETS_SECONDS,
} from './metric-names.js';
export { metricSetFor, type MetricSet } from './metric-set.js';
export { RealTimeSampler, type BreakerHistory } from './real-time/real-time-sampler.js';
export type {
  BreakerRates,
  BulkheadRates,
  HistoryPoint,
  LimiterRates,
  RateTotals,
  RealTimeView,
} from './real-time/real-time.types.js';
