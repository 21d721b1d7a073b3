export { DeadLetterQueueService } from './dead-letter-queue.service.js';
export {
  DeadLetterHandler,
  DEAD_LETTER_HANDLER_METADATA,
  type DeadLetterHandlerMetadata,
} from './dead-letter-handler.decorator.js';
export type { DeadLetterEventMap } from './dlq-events.js';
export * from './queue/index.js';
