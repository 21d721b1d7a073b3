import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { isAtLeast } from '../../degradation/degradation-level.js';
import { DegradationService } from '../../degradation/degradation.service.js';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { guardedIndicator } from './guarded-indicator.js';
import { indicatorTimeoutOf } from './indicator-settings.js';

/**
 * The degradation level: down at SEVERE or CRITICAL, degraded at MINOR or MODERATE, up at
 * NORMAL; reports the level, the rules that apply, the override (with its reason) and the
 * features switched off. `detailed` lists every declared feature.
 */
@Injectable()
export class DegradationHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly degradation: DegradationService,
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
  ) {}

  check<const Key extends string = 'degradation'>(
    key: Key = 'degradation' as Key,
    detailed = false,
  ): Promise<HealthIndicatorResult<Key>> {
    return guardedIndicator(this.indicators, key, indicatorTimeoutOf(this.options), (session) => {
      const { features, ...status } = this.degradation.status();
      const disabledFeatures = features.filter((f) => !f.enabled).map((f) => f.name);
      const data = detailed
        ? { ...status, disabledFeatures, features }
        : { ...status, disabledFeatures };
      if (isAtLeast(status.level, 'SEVERE')) return session.down(data);
      if (status.level !== 'NORMAL') return session.degraded(data);
      return session.up(data);
    });
  }
}
