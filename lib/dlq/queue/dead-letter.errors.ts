import { ResilienceError } from '../../core/index.js';

/** No dead letter has this id (404 over HTTP). */
export class DeadLetterNotFoundError extends ResilienceError {
  constructor(readonly id: string) {
    super(`No dead letter with id "${id}"`, 'DEAD_LETTER_NOT_FOUND');
  }
}

/** A message the queue refuses: its payload would not come back unchanged from JSON. */
export class DeadLetterPayloadError extends ResilienceError {
  constructor(
    readonly type: string,
    /** Where in the payload, e.g. `payload.items[2].at`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Dead letter of type "${type}" refused: ${path} ${reason}. A dead-letter payload must be JSON-serialisable (plain objects, arrays, strings, finite numbers, booleans, null).`,
      'DEAD_LETTER_PAYLOAD_NOT_JSON_SAFE',
    );
  }
}
