import type { Counter } from 'prom-client';
import type { CircuitBreakerPolicy, CircuitState, KeyedCircuitBreaker } from '../core/index.js';
import { errorTypeOf } from './error-type.js';
import type { MetricSet, StateSource } from './metric-set.js';

/** Distinct error types labelled per breaker; the rest are counted as `other`. */
const MAX_ERROR_TYPES = 20;
const STATES: readonly CircuitState[] = ['CLOSED', 'OPEN', 'HALF_OPEN'];

/**
 * Feeds a breaker's metrics from its events. The series are looked up once here, so a
 * call costs a few number increments. A keyed breaker is measured as one name: its
 * requests and latencies together, its state gauge counting breakers per state.
 */
export function bindBreaker(
  set: MetricSet,
  name: string,
  breaker: CircuitBreakerPolicy | KeyedCircuitBreaker,
): () => void {
  const requests = set.breakerRequests;
  const [succeeded, failed] = [requests.tally(name, 'success'), requests.tally(name, 'failure')];
  const [rejected, ignored] = [requests.tally(name, 'rejected'), requests.tally(name, 'ignored')];
  const successTime = set.breakerResponseTime.tally(name, 'success');
  const failureTime = set.breakerResponseTime.tally(name, 'failure');
  const countFailure = errorTypeCounter(set.breakerFailures, name);
  const unsubscribe = [
    breaker.on('success', (event) => {
      succeeded.value++;
      successTime.observe(event.durationMs / 1000);
    }),
    breaker.on('failure', (event) => {
      failed.value++;
      failureTime.observe(event.durationMs / 1000);
      countFailure(event.error);
    }),
    breaker.on('rejected', () => void rejected.value++),
    breaker.on('ignored', () => void ignored.value++),
  ];
  const source: StateSource = (report) => reportStates(name, breaker, report);
  set.stateSources.add(source);
  return () => {
    for (const off of unsubscribe) off();
    set.stateSources.delete(source);
  };
}

function errorTypeCounter(counter: Counter<string>, name: string): (error: unknown) => void {
  const children = new Map<string, { inc(): void }>();
  return (error) => {
    let type = errorTypeOf(error);
    if (!children.has(type) && children.size >= MAX_ERROR_TYPES) type = 'other';
    let child = children.get(type);
    if (!child) {
      child = counter.labels(name, type);
      children.set(type, child);
    }
    child.inc();
  };
}

function reportStates(
  name: string,
  breaker: CircuitBreakerPolicy | KeyedCircuitBreaker,
  report: Parameters<StateSource>[0],
): void {
  const counts: Record<CircuitState, number> = { CLOSED: 0, OPEN: 0, HALF_OPEN: 0 };
  if ('keys' in breaker) {
    for (const key of breaker.keys()) {
      const child = breaker.findBreaker(key);
      if (child) counts[child.state]++;
    }
  } else {
    counts[breaker.state]++;
  }
  for (const state of STATES) report(name, state, counts[state]);
}
