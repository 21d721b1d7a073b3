import type { Provider } from '@nestjs/common';
import { DEAD_LETTER_QUEUE_HEALTH_SOURCE } from '../health/indicators/optional-sources.js';
import { DeadLetterExplorer } from './dead-letter.explorer.js';
import { DeadLetterQueueService } from './dead-letter-queue.service.js';
import { DeadLetterScheduler } from './dead-letter.scheduler.js';

/** The dead-letter queue, its handler explorer and schedule, and its health source. */
export const DLQ_PROVIDERS: Provider[] = [
  DeadLetterQueueService,
  DeadLetterExplorer,
  DeadLetterScheduler,
  { provide: DEAD_LETTER_QUEUE_HEALTH_SOURCE, useExisting: DeadLetterQueueService },
];

/** What the module exports of them. */
export const DLQ_EXPORTS = [DeadLetterQueueService, DEAD_LETTER_QUEUE_HEALTH_SOURCE];
