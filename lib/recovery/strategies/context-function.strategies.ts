import type { RecoveryStrategyName } from '../../core/classification/index.js';
import type { RecoveryContext } from '../recovery.types.js';
import type { RecoveryRequest, RecoveryStrategy } from './recovery-strategy.js';

type ErrorHandler<T> = (error: unknown) => Promise<T> | T;

/** A strategy that is one call of a function the context gives, with the error. */
class ContextFunctionStrategy implements RecoveryStrategy {
  constructor(
    readonly name: RecoveryStrategyName,
    private readonly pick: <T>(context: RecoveryContext<T>) => ErrorHandler<T> | undefined,
  ) {}

  applicable(request: RecoveryRequest): boolean {
    return this.pick(request.context) !== undefined;
  }

  async run<T>(request: RecoveryRequest<T>): Promise<T> {
    request.tally.attempts++;
    return (this.pick(request.context) as ErrorHandler<T>)(request.error);
  }
}

/** Answers with the context's `fallbackFn(error)`; the engine always runs it last. */
export function fallbackStrategy(): RecoveryStrategy {
  return new ContextFunctionStrategy('fallback', (context) => context.fallbackFn);
}

/** Undoes partial work with the context's `rollbackFn(error)`; its value is the result. */
export function transactionRollbackStrategy(): RecoveryStrategy {
  return new ContextFunctionStrategy('transaction_rollback', (context) => context.rollbackFn);
}
