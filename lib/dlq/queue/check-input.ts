import { jsonSafetyIssue } from '../../checkpoints/json-safety.js';
import { checkDeadLetterOptions } from './check-options.js';
import { DeadLetterPayloadError } from './dead-letter.errors.js';
import type { DeadLetterInput, DeadLetterRetryOptions } from './dead-letter.types.js';

/**
 * Refuses what the queue could not give back unchanged: a missing type, a payload JSON
 * would alter (a handler retried days later must see what failed), wrong retry options.
 *
 * @throws DeadLetterPayloadError for the type or payload; ResilienceConfigError for options.
 */
export function checkDeadLetterInput(
  input: DeadLetterInput,
  options: DeadLetterRetryOptions,
): void {
  if (typeof input?.type !== 'string' || input.type === '') {
    throw new DeadLetterPayloadError(String(input?.type), 'type', 'must be a non-empty string');
  }
  const issue = jsonSafetyIssue(input.payload, 'payload');
  if (issue) throw new DeadLetterPayloadError(input.type, issue.path, issue.reason);
  checkDeadLetterOptions(options, `dead letter "${input.type}"`);
}
