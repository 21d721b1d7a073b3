import { SetMetadata } from '@nestjs/common';
import type { DeadLetterRetryOptions } from './queue/index.js';

/** Metadata key of {@link DeadLetterHandler}. */
export const DEAD_LETTER_HANDLER_METADATA = 'RESILIENCE:DEAD_LETTER_HANDLER';

/** What `@DeadLetterHandler` stores on a method. */
export interface DeadLetterHandlerMetadata {
  type: string;
  options: DeadLetterRetryOptions;
}

/**
 * Makes the provider method the handler of dead letters of `type`, found at start-up. It
 * receives `(payload, message)`; throwing counts as a failed run, retried with `options`'
 * backoff until `maxRetries` runs have failed. Delivery is at least once: make it idempotent.
 *
 * @example
 * ```ts
 * @DeadLetterHandler('order.notification', { maxRetries: 5, backoff: 'exponential', baseDelayMs: 60_000 })
 * async resend(payload: { orderId: string }) { ... }
 * ```
 */
export function DeadLetterHandler(
  type: string,
  options: DeadLetterRetryOptions = {},
): MethodDecorator {
  return SetMetadata<string, DeadLetterHandlerMetadata>(DEAD_LETTER_HANDLER_METADATA, {
    type,
    options,
  });
}
