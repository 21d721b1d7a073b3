import { ResilienceError } from '../core/errors/index.js';
import { StepJournal } from './step-journal.js';
import type {
  CompensatedError,
  CompensationFailureHandler,
  CompensationReport,
  TransactionContext,
} from './transaction.types.js';

/** A transaction failed with something that cannot carry a property (a string, a frozen object). */
export class TransactionFailedError extends ResilienceError {
  constructor(cause: unknown) {
    super(`Transaction failed: ${String(cause)}`, 'TRANSACTION_FAILED', { cause });
  }
}

/**
 * Runs `callback` as a saga: each `tx.step(name, action, compensate)` runs its action;
 * if the callback rejects, the compensations of the completed steps run in reverse order
 * (each once; one that throws is reported to `onCompensationFailure` and the rest still
 * run), then the original error is rethrown carrying an enumerable `compensation` report.
 */
export async function runTransaction<T>(
  callback: (tx: TransactionContext) => Promise<T> | T,
  onCompensationFailure?: CompensationFailureHandler,
): Promise<T> {
  const journal = new StepJournal();
  const tx: TransactionContext = {
    step: (name, action, compensate) => journal.run(name, () => action(tx), compensate),
  };
  try {
    const result = await callback(tx);
    await journal.close();
    return result;
  } catch (error) {
    await journal.close();
    const report = await compensate(journal, error, onCompensationFailure);
    throw attachReport(error, report);
  }
}

async function compensate(
  journal: StepJournal,
  cause: unknown,
  onFailure: CompensationFailureHandler | undefined,
): Promise<CompensationReport> {
  const report: CompensationReport = { compensated: [], failed: [] };
  for (const { name, undo } of journal.toUndo()) {
    try {
      await undo();
      report.compensated.push(name);
    } catch (error) {
      report.failed.push({ step: name, error });
      // Reporting must not stop the remaining compensations.
      await Promise.resolve()
        .then(() => onFailure?.({ step: name, error, cause }))
        .catch(() => undefined);
    }
  }
  return report;
}

function attachReport(error: unknown, report: CompensationReport): CompensatedError {
  const target =
    typeof error === 'object' && error !== null && Object.isExtensible(error)
      ? error
      : new TransactionFailedError(error);
  const inner = (target as Partial<CompensatedError>).compensation;
  const merged: CompensationReport = inner
    ? {
        compensated: [...inner.compensated, ...report.compensated],
        failed: [...inner.failed, ...report.failed],
      }
    : report;
  Object.defineProperty(target, 'compensation', {
    value: merged,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return target as CompensatedError;
}
