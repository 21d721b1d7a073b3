import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { PolicyRegistry } from '../../nest/policies/policy-registry.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { summarizeBreakers } from '../breaker-summary.js';
import { guardedIndicator } from './guarded-indicator.js';
import { indicatorTimeoutOf } from './indicator-settings.js';

/**
 * The app's circuit breakers: down while a breaker listed in
 * `healthChecking.criticalBreakers` is OPEN, degraded while any other is OPEN or
 * HALF_OPEN, else up. `detailed` adds every breaker's stats.
 */
@Injectable()
export class CircuitBreakersHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly registry: PolicyRegistry,
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
  ) {}

  check<const Key extends string = 'circuitBreakers'>(
    key: Key = 'circuitBreakers' as Key,
    detailed = false,
  ): Promise<HealthIndicatorResult<Key>> {
    return guardedIndicator(this.indicators, key, indicatorTimeoutOf(this.options), (session) => {
      const breakers = this.registry.allBreakers();
      const summary = summarizeBreakers(breakers, this.options.healthChecking.criticalBreakers);
      const data = detailed ? { ...summary, items: breakers.map((b) => b.stats()) } : summary;
      if (summary.criticalOpen.length > 0) return session.down(data);
      if (summary.open.length > 0 || summary.halfOpen.length > 0) return session.degraded(data);
      return session.up(data);
    });
  }
}
