import type { DeadLetterCounts, DeadLetterStatus } from '../dead-letter.types.js';

/** Empty counts: every status at zero. */
export function emptyDeadLetterCounts(): DeadLetterCounts {
  return { byStatus: { pending: 0, processing: 0, succeeded: 0, exhausted: 0 }, byType: {} };
}

/** Counts messages by status, and by type then status. */
export function countRecords(
  records: readonly { type: string; status: DeadLetterStatus }[],
): DeadLetterCounts {
  const counts = emptyDeadLetterCounts();
  for (const { type, status } of records) {
    counts.byStatus[status] += 1;
    const ofType = (counts.byType[type] ??= {});
    ofType[status] = (ofType[status] ?? 0) + 1;
  }
  return counts;
}
