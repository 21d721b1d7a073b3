export * from './dead-letter.types.js';
export { DeadLetterNotFoundError, DeadLetterPayloadError } from './dead-letter.errors.js';
export { DeadLetterQueue, type DeadLetterQueueSettings } from './dead-letter-queue.js';
export { DeadLetterHandlerRegistry, type RegisteredHandler } from './handler-registry.js';
export { checkDeadLetterOptions } from './check-options.js';
export { STALLED_ERROR_NAME } from './stalled-error.js';
