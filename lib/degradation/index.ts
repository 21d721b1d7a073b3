export { DegradationService, type DegradationStatus } from './degradation.service.js';
export { DEGRADATION_LEVELS, isAtLeast, type DegradationLevel } from './degradation-level.js';
export {
  DEGRADATION_RULES,
  assessDegradation,
  type DegradationAssessment,
  type DegradationInputs,
} from './degradation-rules.js';
export type {
  DegradationLevelChange,
  DegradationOverride,
  DegradationOverrideEvent,
  LevelChangeSource,
} from './degradation-state.js';
export type { FeatureOptions, FeatureStatus } from './feature-switches.js';
