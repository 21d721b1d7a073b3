import { ResilienceError } from '../core/errors/index.js';

/** A checkpoint's state would not come back as it went in through JSON. */
export class CheckpointStateError extends ResilienceError {
  constructor(
    readonly checkpointId: string,
    /** Where in the state, e.g. `state.items[2].at`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Checkpoint "${checkpointId}" cannot be saved: ${path} ${reason}. Checkpoint state must be JSON-safe (plain objects, arrays, strings, finite numbers, booleans, null).`,
      'CHECKPOINT_STATE_NOT_JSON_SAFE',
    );
  }
}
