import type { Clock } from '../core/clock/index.js';
import { OptionChecker } from '../core/validation/index.js';
import type { JsonValues } from '../recovery/persistence/json-values.js';
import { CheckpointStateError } from './checkpoint-state.error.js';
import {
  DEFAULT_CHECKPOINT_TTL_MS,
  type CheckpointInfo,
  type SaveCheckpointOptions,
  type StoredCheckpoint,
} from './checkpoint.types.js';
import { jsonSafetyIssue } from './json-safety.js';

/**
 * Checkpoints without a framework: JSON-safe state by id, with a time to live, in
 * {@link JsonValues} (a namespace of the app's store).
 */
export class Checkpoints {
  constructor(
    private readonly records: JsonValues,
    private readonly clock: Clock,
  ) {}

  /**
   * Saves (or replaces) a checkpoint.
   * @throws CheckpointStateError naming where the state is not JSON-safe.
   * @throws ResilienceConfigError for an empty id or a bad `ttlMs`.
   */
  async save(
    id: string,
    state: unknown,
    options: SaveCheckpointOptions = {},
  ): Promise<CheckpointInfo> {
    const checker = new OptionChecker('checkpoint');
    checker.isString('id', id).positive('ttlMs', options.ttlMs);
    if (id === undefined) checker.fail('id', 'is required');
    checker.throwIfInvalid();
    const issue = jsonSafetyIssue(state);
    if (issue) throw new CheckpointStateError(id, issue.path, issue.reason);
    const ttlMs = options.ttlMs ?? DEFAULT_CHECKPOINT_TTL_MS;
    const savedAt = this.clock.now();
    const stored: StoredCheckpoint = { id, savedAt, expiresAt: savedAt + ttlMs, state };
    await this.records.set(id, stored, ttlMs);
    return { id, savedAt, expiresAt: stored.expiresAt };
  }

  /** The saved state, or `undefined` for an unknown, deleted or expired id. */
  async restore<T = unknown>(id: string): Promise<T | undefined> {
    const stored = await this.live(id);
    return stored?.state as T | undefined;
  }

  /** Every live checkpoint, oldest first. */
  async list(): Promise<CheckpointInfo[]> {
    const found = await Promise.all((await this.records.keys()).map((id) => this.live(id)));
    return found
      .filter((stored): stored is StoredCheckpoint => stored !== undefined)
      .map(({ id, savedAt, expiresAt }) => ({ id, savedAt, expiresAt }))
      .sort((a, b) => a.savedAt - b.savedAt || a.id.localeCompare(b.id));
  }

  /** True when there was a checkpoint to delete. */
  delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  /** The store expires keys too; this also hides one read in the same millisecond it expires. */
  private async live(id: string): Promise<StoredCheckpoint | undefined> {
    const stored = (await this.records.get(id)) as StoredCheckpoint | undefined;
    return stored && stored.expiresAt > this.clock.now() ? stored : undefined;
  }
}
