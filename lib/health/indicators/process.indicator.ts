import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { guardedIndicator } from './guarded-indicator.js';
import { indicatorTimeoutOf } from './indicator-settings.js';

const MB = 1024 * 1024;

/** The process itself, for liveness: up whenever it can answer. Reads nothing downstream. */
@Injectable()
export class ProcessHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
  ) {}

  check<const Key extends string = 'process'>(
    key: Key = 'process' as Key,
  ): Promise<HealthIndicatorResult<Key>> {
    return guardedIndicator(this.indicators, key, indicatorTimeoutOf(this.options), (session) => {
      const memory = process.memoryUsage();
      return session.up({
        pid: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
        heapUsedMb: Math.round(memory.heapUsed / MB),
        rssMb: Math.round(memory.rss / MB),
      });
    });
  }
}
