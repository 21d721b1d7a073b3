import { Injectable, Logger } from '@nestjs/common';

/** One piece of work that failed for good: a type, and a JSON-safe payload describing it. */
export interface FailedWork {
  /** `transaction.compensation`, `recovery.failed` or `recovery-plan.failed`. */
  type: string;
  payload: Record<string, unknown>;
}

/** Receives failed work (the dead-letter queue's `add(message, error)` has this shape). */
export interface FailedWorkSink {
  add(message: FailedWork, error: unknown): Promise<unknown> | unknown;
}

/** The default sink until a dead-letter queue is bound: logs each failure at warn. */
@Injectable()
export class LoggingFailedWorkSink implements FailedWorkSink {
  private readonly logger = new Logger('Resilience');

  add(message: FailedWork, error: unknown): void {
    this.logger.warn(
      `${message.type}: ${JSON.stringify(message.payload)} (${describeError(error)})`,
    );
  }
}

/** `Name: message` of an error, or its string form. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
