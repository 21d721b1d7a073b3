import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../core/clock/index.js';
import { JsonValues } from '../recovery/persistence/json-values.js';
import { RESILIENCE_STORE } from '../nest/resilience.constants.js';
import { RECOVERY_CLOCK } from '../recovery/recovery.tokens.js';
import type { ResilienceStore } from '../store/index.js';
import type { CheckpointInfo, SaveCheckpointOptions } from './checkpoint.types.js';
import { Checkpoints } from './checkpoints.js';

/**
 * Saves state by id so long work can resume after a failure or a restart: in the app's
 * store (shared and restart-proof with Redis), each with a TTL (default 24 hours). State
 * must be JSON-safe; anything else is refused with a `CheckpointStateError` naming where.
 *
 * @example
 * await checkpoints.save(`import:${jobId}`, { offset: 4_000 }, { ttlMs: 3_600_000 });
 * const resumeAt = (await checkpoints.restore<{ offset: number }>(`import:${jobId}`))?.offset ?? 0;
 */
@Injectable()
export class CheckpointService {
  private readonly checkpoints: Checkpoints;

  constructor(
    @Inject(RESILIENCE_STORE) store: ResilienceStore,
    @Inject(RECOVERY_CLOCK) clock: Clock,
  ) {
    this.checkpoints = new Checkpoints(new JsonValues(store.values, 'checkpoints'), clock);
  }

  /** Saves or replaces the checkpoint `id`. */
  save(id: string, state: unknown, options?: SaveCheckpointOptions): Promise<CheckpointInfo> {
    return this.checkpoints.save(id, state, options);
  }

  /** The saved state; `undefined` for an unknown, deleted or expired id. */
  restore<T = unknown>(id: string): Promise<T | undefined> {
    return this.checkpoints.restore<T>(id);
  }

  /** Every live checkpoint (without state), oldest first. */
  list(): Promise<CheckpointInfo[]> {
    return this.checkpoints.list();
  }

  /** True when there was a checkpoint to delete. */
  delete(id: string): Promise<boolean> {
    return this.checkpoints.delete(id);
  }
}
