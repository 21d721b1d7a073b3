import type { ErrorCategory, RecoveryStrategyName } from '../core/classification/index.js';

/** The events of recovery, transactions and recovery plans, on the app's `ResilienceEvents` bus. */
export interface RecoveryEventMap {
  /** `recoverFromError` finished (monitoring records recovery attempts from it). */
  'recovery.attempted': {
    serviceId: string;
    operation?: string;
    category: ErrorCategory;
    /** The original error's name, e.g. `TimeoutError`. */
    errorType: string;
    strategy: RecoveryStrategyName | 'none';
    status: 'success' | 'failed';
    attempts: number;
    durationMs: number;
  };
  /** A transaction failed and its compensations ran. */
  'transaction.rolledBack': { compensated: string[]; failed: string[]; error: unknown };
  /** A recovery plan started, on demand or because a dependency turned unhealthy. */
  'recoveryPlan.started': {
    serviceName: string;
    executionId: string;
    trigger: 'manual' | 'automatic';
  };
  /** A recovery plan finished. */
  'recoveryPlan.finished': {
    serviceName: string;
    executionId: string;
    status: 'succeeded' | 'failed' | 'timed_out';
    rolledBack: boolean;
    durationMs: number;
  };
}
