import type { DeadLetterOutcome } from './queue/index.js';

/** The dead-letter queue's events on the app's bus. */
export interface DeadLetterEventMap {
  'dlq.added': { id: string; type: string };
  /** A handler run ended, or a message found no handler (`outcome: 'unhandled'`). */
  'dlq.processed': { id: string; type: string; outcome: DeadLetterOutcome['outcome'] };
}
