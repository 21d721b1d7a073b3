/**
 * The metric names of DESIGN §5, before the configured prefix, with their help texts and
 * label names in one place. Label values are policy names and small fixed sets, never
 * call arguments, so the number of series stays bounded.
 */
export const METRIC_DEFINITIONS = {
  breakerRequests: {
    name: 'circuit_breaker_requests_total',
    help: 'Calls that reached a circuit breaker, by outcome (success, failure, rejected, ignored).',
    labelNames: ['name', 'outcome'],
  },
  breakerState: {
    name: 'circuit_breaker_state',
    help: 'Breakers of this name in this state (CLOSED, OPEN, HALF_OPEN): 1 or 0 for a plain breaker, a count for a keyed one.',
    labelNames: ['name', 'state'],
  },
  breakerFailures: {
    name: 'circuit_breaker_failures_total',
    help: 'Failures a circuit breaker counted, by error type.',
    labelNames: ['name', 'error'],
  },
  breakerResponseTime: {
    name: 'circuit_breaker_response_time',
    help: 'Duration of the calls a circuit breaker let through, in seconds, by outcome.',
    labelNames: ['name', 'outcome'],
  },
  retryAttempts: {
    name: 'retry_attempts_total',
    help: 'Attempts made under a retry policy, by outcome (success, retry, or why it gave up).',
    labelNames: ['name', 'outcome'],
  },
  retryDelay: {
    name: 'retry_delay_seconds',
    help: 'Delay before each retry, in seconds.',
    labelNames: ['name'],
  },
  healthCheckDuration: {
    name: 'health_check_duration_seconds',
    help: 'Duration of dependency health checks, in seconds, by result (up, down).',
    labelNames: ['dependency', 'status'],
  },
  healthCheckStatus: {
    name: 'health_check_status',
    help: 'Result of the last health check of a dependency: 1 passed, 0 failed.',
    labelNames: ['dependency'],
  },
  degradationLevel: {
    name: 'system_degradation_level',
    help: 'Degradation level: 0 NORMAL, 1 MINOR, 2 MODERATE, 3 SEVERE, 4 CRITICAL.',
    labelNames: [],
  },
  degradationEvents: {
    name: 'degradation_events_total',
    help: 'Changes of the degradation level, by previous and new level.',
    labelNames: ['from', 'to'],
  },
  fallbackUsage: {
    name: 'fallback_usage_total',
    help: 'Calls answered by a fallback, by the layer that answered (cache, stale_cache, default, degraded, or a function name).',
    labelNames: ['name', 'source'],
  },
  rateLimitDecisions: {
    name: 'rate_limit_decisions_total',
    help: 'Rate-limit decisions, by algorithm and decision (allowed, limited).',
    labelNames: ['name', 'algorithm', 'decision'],
  },
  dlqMessages: {
    name: 'dlq_messages_total',
    help: 'Messages waiting in the dead-letter queue, by message type.',
    labelNames: ['type'],
  },
  dlqMessagesAdded: {
    name: 'dlq_messages_added_total',
    help: 'Messages added to the dead-letter queue, by message type.',
    labelNames: ['type'],
  },
  dlqProcessingDuration: {
    name: 'dlq_processing_duration_seconds',
    help: 'Duration of dead-letter handler runs, in seconds, by message type and outcome.',
    labelNames: ['type', 'outcome'],
  },
} as const;

/** The key of one metric in {@link METRIC_DEFINITIONS}. */
export type MetricKey = keyof typeof METRIC_DEFINITIONS;

/** Upper bounds (seconds) of the latency histograms: 5 ms to 10 s, prom-client's defaults. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Upper bounds (seconds) of the retry delay histogram: 10 ms to 1 min. */
export const DELAY_BUCKETS_SECONDS: readonly number[] = [
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];
