/** Options of `CheckpointService.save`. */
export interface SaveCheckpointOptions {
  /** How long the checkpoint is kept. Default 24 hours. */
  ttlMs?: number;
}

/** A saved checkpoint, without its state. */
export interface CheckpointInfo {
  id: string;
  /** Clock time it was saved. */
  savedAt: number;
  /** Clock time it expires. */
  expiresAt: number;
}

/** How a checkpoint is kept in the store. */
export interface StoredCheckpoint extends CheckpointInfo {
  state: unknown;
}

/** Checkpoints are kept this long unless `ttlMs` says otherwise. */
export const DEFAULT_CHECKPOINT_TTL_MS = 24 * 3_600_000;
