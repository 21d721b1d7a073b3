import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ResilienceConfigError } from '../core/index.js';
import {
  DELAY_BUCKETS_SECONDS,
  LATENCY_BUCKETS_SECONDS,
  METRIC_DEFINITIONS as M,
  type MetricKey,
} from './metric-names.js';
import { TalliedCounter } from './tallied-counter.js';
import { TalliedHistogram } from './tallied-histogram.js';

/** Reports, at scrape time, how many breakers of each name are in each state. */
export type StateSource = (report: (name: string, state: string, count: number) => void) => void;

/** Every metric of DESIGN §5 in one registry, shared by all module instances using it. */
export interface MetricSet {
  breakerRequests: TalliedCounter;
  breakerState: Gauge<string>;
  breakerFailures: Counter<string>;
  breakerResponseTime: TalliedHistogram;
  retryAttempts: TalliedCounter;
  retryDelay: Histogram<string>;
  healthCheckDuration: Histogram<string>;
  healthCheckStatus: Gauge<string>;
  degradationLevel: Gauge<string>;
  degradationEvents: Counter<string>;
  fallbackUsage: Counter<string>;
  rateLimitDecisions: TalliedCounter;
  dlqMessages: Gauge<string>;
  dlqMessagesAdded: Counter<string>;
  dlqProcessingDuration: Histogram<string>;
  /** Live breakers of every module instance; the state gauge reads them when scraped. */
  stateSources: Set<StateSource>;
}

/** Where a registry's metric set hangs, so every copy of the module finds the same one. */
const METRIC_SET = Symbol.for('nestjs-bulwark.metric-set');

type Anchored = { [METRIC_SET]?: MetricSet };

/**
 * The metric set of `registry` under `prefix`: created and registered the first time,
 * the same objects afterwards (a second app in the process, or one started after an
 * earlier one closed). After `registry.clear()` it is registered afresh.
 *
 * @throws ResilienceConfigError when other code registered one of the names already.
 */
export function metricSetFor(registry: Registry, prefix: string): MetricSet {
  const anchor = registry.getSingleMetric(prefix + M.breakerState.name) as Anchored | undefined;
  const existing = anchor?.[METRIC_SET];
  if (existing) return existing;
  const taken = (Object.keys(M) as MetricKey[])
    .map((key) => prefix + M[key].name)
    .filter((name) => registry.getSingleMetric(name) !== undefined);
  if (taken.length > 0) {
    throw new ResilienceConfigError([
      {
        path: 'metrics.prefix',
        message: `the registry already holds ${taken.join(', ')} from other code; choose a prefix`,
      },
    ]);
  }
  const set = createMetricSet(registry, prefix);
  (set.breakerState as Anchored)[METRIC_SET] = set;
  return set;
}

function createMetricSet(registry: Registry, prefix: string): MetricSet {
  const config = (key: MetricKey) => ({
    name: prefix + M[key].name,
    help: M[key].help,
    labelNames: [...M[key].labelNames] as string[],
    registers: [registry],
  });
  const stateSources = new Set<StateSource>();
  const breakerState = new Gauge({
    ...config('breakerState'),
    collect() {
      this.reset();
      for (const source of stateSources) {
        source((name, state, count) => this.inc({ name, state }, count));
      }
    },
  });
  return {
    breakerRequests: new TalliedCounter(config('breakerRequests')),
    breakerState,
    breakerFailures: new Counter(config('breakerFailures')),
    breakerResponseTime: new TalliedHistogram({
      ...config('breakerResponseTime'),
      buckets: LATENCY_BUCKETS_SECONDS,
    }),
    retryAttempts: new TalliedCounter(config('retryAttempts')),
    retryDelay: new Histogram({ ...config('retryDelay'), buckets: [...DELAY_BUCKETS_SECONDS] }),
    healthCheckDuration: new Histogram({
      ...config('healthCheckDuration'),
      buckets: [...LATENCY_BUCKETS_SECONDS],
    }),
    healthCheckStatus: new Gauge(config('healthCheckStatus')),
    degradationLevel: new Gauge(config('degradationLevel')),
    degradationEvents: new Counter(config('degradationEvents')),
    fallbackUsage: new Counter(config('fallbackUsage')),
    rateLimitDecisions: new TalliedCounter(config('rateLimitDecisions')),
    dlqMessages: new Gauge(config('dlqMessages')),
    dlqMessagesAdded: new Counter(config('dlqMessagesAdded')),
    dlqProcessingDuration: new Histogram({
      ...config('dlqProcessingDuration'),
      buckets: [...LATENCY_BUCKETS_SECONDS],
    }),
    stateSources,
  };
}
