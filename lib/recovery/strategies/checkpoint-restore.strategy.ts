import { ResilienceError } from '../../core/errors/index.js';
import type { RecoveryRequest, RecoveryStrategy } from './recovery-strategy.js';

/** Restoring found nothing: the checkpoint is unknown, deleted or expired. */
export class CheckpointMissingError extends ResilienceError {
  constructor(readonly checkpointId: string) {
    super(`No checkpoint "${checkpointId}" to restore`, 'CHECKPOINT_MISSING');
  }
}

/**
 * Restores the context's `checkpointId` and continues from it with `resumeFn(state)`, or
 * answers with the state itself when there is no `resumeFn`.
 */
export class CheckpointRestoreStrategy implements RecoveryStrategy {
  readonly name = 'checkpoint_restore' as const;

  constructor(private readonly restore: (id: string) => Promise<unknown>) {}

  applicable(request: RecoveryRequest): boolean {
    return request.context.checkpointId !== undefined;
  }

  async run<T>(request: RecoveryRequest<T>): Promise<T> {
    const id = request.context.checkpointId as string;
    request.tally.attempts++;
    const state = await this.restore(id);
    if (state === undefined) throw new CheckpointMissingError(id);
    const resume = request.context.resumeFn;
    return resume ? resume(state) : (state as T);
  }
}
