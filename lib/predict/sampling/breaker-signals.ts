import type { CircuitBreakerPolicy, KeyedCircuitBreaker } from '../../core/index.js';
import type { ResilienceEvents } from '../../nest/events/resilience-events.js';

interface Tally {
  calls: number;
  failures: number;
  totalMs: number;
}

const MAX_SERVICES = 200;

/**
 * Each breaker's calls between two samples, as `service.<name>.errorRatePercent` and
 * `service.<name>.latencyMs` (mean duration). Keyed breakers count under their group's
 * name; a service with no call in the interval is left out of the sample.
 */
export class BreakerSignals {
  private readonly tallies = new Map<string, Tally>();

  constructor(events: ResilienceEvents) {
    events.on('policy.created', (created) => {
      if (created.kind === 'circuitBreaker') this.watch(created.name, created.policy);
    });
  }

  /** The signals since the last call, then starts afresh. */
  drain(): Record<string, number> {
    const metrics: Record<string, number> = {};
    for (const [name, tally] of this.tallies) {
      if (tally.calls === 0) continue;
      metrics[`service.${name}.errorRatePercent`] = (tally.failures / tally.calls) * 100;
      metrics[`service.${name}.latencyMs`] = tally.totalMs / tally.calls;
      Object.assign(tally, { calls: 0, failures: 0, totalMs: 0 });
    }
    return metrics;
  }

  private watch(name: string, breaker: CircuitBreakerPolicy | KeyedCircuitBreaker): void {
    if (this.tallies.size >= MAX_SERVICES) return;
    const tally = { calls: 0, failures: 0, totalMs: 0 };
    this.tallies.set(name, tally);
    breaker.on('success', ({ durationMs }) => {
      tally.calls++;
      tally.totalMs += durationMs;
    });
    breaker.on('failure', ({ durationMs }) => {
      tally.calls++;
      tally.failures++;
      tally.totalMs += durationMs;
    });
  }
}
