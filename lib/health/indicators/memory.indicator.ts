import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { IndicatorSession } from './guarded-indicator.js';
import { OptionalSourceIndicator } from './optional-source.indicator.js';
import {
  MEMORY_PRESSURE_SOURCE,
  withoutStatusKey,
  type MemoryPressureSource,
} from './optional-sources.js';

/**
 * Memory pressure from the memory controller: up at `normal`, degraded at `warning`, down
 * at `critical` or `emergency`. Without a memory controller it reports up with
 * `{ enabled: false }`.
 */
@Injectable()
export class MemoryHealthIndicator extends OptionalSourceIndicator<MemoryPressureSource> {
  protected readonly token = MEMORY_PRESSURE_SOURCE;
  protected readonly defaultKey = 'memory';

  protected async assess<Key extends string>(
    source: MemoryPressureSource,
    session: IndicatorSession<Key>,
  ): Promise<HealthIndicatorResult<Key>> {
    const stats = await source.getMemoryStats();
    const data = { enabled: true, ...withoutStatusKey(stats) };
    if (stats.pressureLevel === 'critical' || stats.pressureLevel === 'emergency') {
      return session.down(data);
    }
    return stats.pressureLevel === 'warning' ? session.degraded(data) : session.up(data);
  }
}
