export { CheckpointService } from './checkpoint.service.js';
export { Checkpoints } from './checkpoints.js';
export { CheckpointStateError } from './checkpoint-state.error.js';
export {
  DEFAULT_CHECKPOINT_TTL_MS,
  type CheckpointInfo,
  type SaveCheckpointOptions,
} from './checkpoint.types.js';
export { jsonSafetyIssue, type JsonSafetyIssue } from './json-safety.js';
