import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { DependencyHealthService } from '../dependency-health.service.js';
import { summarizeDependencies } from '../dependency-summary.js';
import { guardedIndicator } from './guarded-indicator.js';
import { indicatorTimeoutOf } from './indicator-settings.js';

/**
 * The registered dependencies: down while a critical one is unhealthy, degraded while
 * any other is unhealthy or impacted, else up. Reports the score and the names that
 * matter; `detailed` adds every dependency's snapshot.
 */
@Injectable()
export class DependenciesHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dependencies: DependencyHealthService,
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
  ) {}

  check<const Key extends string = 'dependencies'>(
    key: Key = 'dependencies' as Key,
    detailed = false,
  ): Promise<HealthIndicatorResult<Key>> {
    return guardedIndicator(this.indicators, key, indicatorTimeoutOf(this.options), (session) => {
      const items = this.dependencies.list();
      const summary = summarizeDependencies(items);
      const data = detailed ? { ...summary, items } : summary;
      if (summary.criticalDown.length > 0) return session.down(data);
      if (summary.unhealthy > 0 || summary.impacted > 0) return session.degraded(data);
      return session.up(data);
    });
  }
}
