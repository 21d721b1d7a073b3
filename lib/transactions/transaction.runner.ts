import { Inject, Injectable } from '@nestjs/common';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import { describeError, type FailedWorkSink } from '../recovery/failed-work.sink.js';
import { FAILED_WORK_SINK } from '../recovery/recovery.tokens.js';
import { runTransaction } from './run-transaction.js';
import type { TransactionContext } from './transaction.types.js';

/**
 * Runs transactions for `ResilienceService.transaction()`: a compensation that throws goes
 * to the failed-work sink (the dead-letter queue once bound); every rolled-back
 * transaction is published as `transaction.rolledBack`.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @Inject(FAILED_WORK_SINK) private readonly sink: FailedWorkSink,
    private readonly events: ResilienceEvents,
  ) {}

  /** Runs `callback` as a transaction (see `runTransaction`). */
  async run<T>(callback: (tx: TransactionContext) => Promise<T> | T): Promise<T> {
    try {
      return await runTransaction(callback, ({ step, error, cause }) =>
        this.sink.add(
          { type: 'transaction.compensation', payload: { step, cause: describeError(cause) } },
          error,
        ),
      );
    } catch (error) {
      const report = (
        error as { compensation: { compensated: string[]; failed: { step: string }[] } }
      ).compensation;
      this.events.emit('transaction.rolledBack', {
        compensated: report.compensated,
        failed: report.failed.map((failure) => failure.step),
        error,
      });
      throw error;
    }
  }
}
