export { httpStatusOf } from './http-status-of.js';
export { isClientError, isTransientFailure } from './is-client-error.js';
export {
  ERROR_CATEGORIES,
  ERROR_SEVERITIES,
  RECOVERY_STRATEGIES,
  type ClassificationContext,
  type ClassificationRule,
  type ErrorCategory,
  type ErrorClassification,
  type ErrorSeverity,
  type RecoveryStrategyName,
} from './error-classification.js';
export { CATEGORY_DEFAULTS } from './category-defaults.js';
export { classifyError } from './classify-error.js';
export { ClassificationRules } from './classification-rules.js';
export {
  NO_DEPENDENCIES,
  transitiveDependencies,
  type DependencyGraphView,
} from './dependency-graph.js';
export { probableOrigin, type FailingService } from './probable-origin.js';
export { ErrorCorrelator, type ErrorCorrelatorOptions, type Incident } from './error-correlator.js';
