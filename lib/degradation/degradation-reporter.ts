import { Logger } from '@nestjs/common';
import type { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { DegradationListener } from './degradation-state.js';

/** Publishes every level change and override action on the event bus, and logs it. */
export function degradationReporter(events: ResilienceEvents): DegradationListener {
  const logger = new Logger('Resilience');
  return {
    levelChanged: (change) => {
      events.emit('degradation.levelChange', change);
      const line = `Degradation level ${change.from} -> ${change.to} (${change.source}: ${change.reason})`;
      if (change.to === 'NORMAL') logger.log(line);
      else logger.warn(line);
    },
    overrideChanged: (event) => {
      events.emit('degradation.override', event);
      const { level, reason, expiresAt } = event.override;
      const until = expiresAt === undefined ? '' : ` until ${new Date(expiresAt).toISOString()}`;
      logger.log(`Degradation override ${event.action}: ${level}${until} (${reason})`);
    },
  };
}
