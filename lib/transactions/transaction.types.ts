/** Undoes what a step's action did; it receives the action's result. */
export type Compensation<T> = (result: T) => Promise<unknown> | unknown;

/** The handle a transaction's callback receives. */
export interface TransactionContext {
  /**
   * Runs `action` and resolves to its result. Once it has succeeded, `compensate` is kept:
   * if the transaction fails it runs, in reverse order of the steps' start. Steps may be
   * nested (a step's action calling `tx.step`) and run in parallel.
   */
  step<T>(
    name: string,
    action: (tx: TransactionContext) => Promise<T> | T,
    compensate?: Compensation<T>,
  ): Promise<T>;
}

/** What the compensations did, attached to the transaction's error as `compensation`. */
export interface CompensationReport {
  /** Steps undone, in the order their compensations ran. */
  compensated: string[];
  /** Compensations that threw, with their error. */
  failed: { step: string; error: unknown }[];
}

/** The error a failed transaction rejects with: the original, carrying the report. */
export type CompensatedError<E = unknown> = E & { compensation: CompensationReport };

/** Told about each compensation that failed (the DLQ seam in the Nest layer). */
export type CompensationFailureHandler = (failure: {
  step: string;
  error: unknown;
  cause: unknown;
}) => unknown;
