import type { DeadLetterBatchResult, DeadLetterOutcome } from './dead-letter.types.js';

/** Counts a batch's outcomes. */
export function summarize(outcomes: DeadLetterOutcome[]): DeadLetterBatchResult {
  const count = (kind: DeadLetterOutcome['outcome']): number =>
    outcomes.filter((o) => o.outcome === kind).length;
  return {
    claimed: outcomes.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    exhausted: count('exhausted'),
    unhandled: count('unhandled'),
    lost: count('lost'),
    outcomes,
  };
}
