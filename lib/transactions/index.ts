export type {
  CompensatedError,
  Compensation,
  CompensationFailureHandler,
  CompensationReport,
  TransactionContext,
} from './transaction.types.js';
export { runTransaction, TransactionFailedError } from './run-transaction.js';
export { TransactionRunner } from './transaction.runner.js';
