/** What kind of failure an error is; decides severity, retryability and recovery. */
export type ErrorCategory =
  | 'rate_limit'
  | 'timeout'
  | 'connection'
  | 'authentication'
  | 'authorization'
  | 'validation'
  | 'not_found'
  | 'server_error'
  | 'resource_exhaustion'
  | 'configuration'
  | 'database'
  | 'circuit_open'
  | 'unknown';

/** How bad an error is for the app, lowest first. */
export type ErrorSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** The recovery strategies `RecoveryService` can apply. */
export type RecoveryStrategyName =
  | 'retry'
  | 'exponential_backoff'
  | 'circuit_break'
  | 'fallback'
  | 'checkpoint_restore'
  | 'transaction_rollback'
  | 'self_heal';

/** The reading of one error. */
export interface ErrorClassification {
  category: ErrorCategory;
  severity: ErrorSeverity;
  /** Whether calling again, unchanged, may succeed. */
  retryable: boolean;
  /** The strategy to try first before anything has been learned. */
  suggestedStrategy: RecoveryStrategyName;
}

/** Where an error happened; user rules see it, and `serviceId` feeds correlation. */
export interface ClassificationContext {
  /** The service or dependency that failed, e.g. `payments`. */
  serviceId?: string;
  /** What was being done, e.g. `charge`. */
  operation?: string;
  [key: string]: unknown;
}

/**
 * A user rule, tried in the order added and before the built-in reading; the first rule
 * whose `match` returns true wins. Omitted fields come from the built-in reading.
 */
export interface ClassificationRule {
  /** Shown in diagnostics; unique names make rules easy to find. */
  name: string;
  match: (error: unknown, context?: ClassificationContext) => boolean;
  category: ErrorCategory;
  severity?: ErrorSeverity;
  retryable?: boolean;
  suggestedStrategy?: RecoveryStrategyName;
}

/** Every category, in the order of the table in the README. */
export const ERROR_CATEGORIES: readonly ErrorCategory[] = [
  'rate_limit',
  'timeout',
  'connection',
  'authentication',
  'authorization',
  'validation',
  'not_found',
  'server_error',
  'resource_exhaustion',
  'configuration',
  'database',
  'circuit_open',
  'unknown',
];

/** Every severity, lowest first. */
export const ERROR_SEVERITIES: readonly ErrorSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Every recovery strategy. */
export const RECOVERY_STRATEGIES: readonly RecoveryStrategyName[] = [
  'retry',
  'exponential_backoff',
  'circuit_break',
  'fallback',
  'checkpoint_restore',
  'transaction_rollback',
  'self_heal',
];
