import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { IndicatorSession } from './guarded-indicator.js';
import { OptionalSourceIndicator } from './optional-source.indicator.js';
import {
  DEAD_LETTER_QUEUE_HEALTH_SOURCE,
  withoutStatusKey,
  type DeadLetterQueueHealthSource,
} from './optional-sources.js';

/**
 * The dead-letter queue's depth: down when the queue reports itself unhealthy, degraded
 * while messages have used up their retries, else up. Without a dead-letter queue it
 * reports up with `{ enabled: false }`.
 */
@Injectable()
export class DeadLetterQueueHealthIndicator extends OptionalSourceIndicator<DeadLetterQueueHealthSource> {
  protected readonly token = DEAD_LETTER_QUEUE_HEALTH_SOURCE;
  protected readonly defaultKey = 'dlq';

  protected async assess<Key extends string>(
    source: DeadLetterQueueHealthSource,
    session: IndicatorSession<Key>,
  ): Promise<HealthIndicatorResult<Key>> {
    const { healthy, ...depth } = await source.getQueueHealth();
    const data = { enabled: true, ...withoutStatusKey(depth) };
    if (!healthy) return session.down(data);
    return (depth.exhausted ?? 0) > 0 ? session.degraded(data) : session.up(data);
  }
}
