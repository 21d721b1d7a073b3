import type { DeadLetterRecord, DeadLetterStatus } from '../dead-letter.types.js';

/** Due: pending past its retry time, or processing past its lease (its claimer died). */
export function isDue(record: DeadLetterRecord, now: number): boolean {
  if (record.status === 'pending') return (record.nextRetryAt ?? 0) <= now;
  return record.status === 'processing' && (record.leaseUntil ?? 0) <= now;
}

export function dueAt(record: DeadLetterRecord): number {
  return record.status === 'pending' ? (record.nextRetryAt ?? 0) : (record.leaseUntil ?? 0);
}

export function matches(record: DeadLetterRecord, filter: { status?: DeadLetterStatus }): boolean {
  return filter.status === undefined || record.status === filter.status;
}

export function copy(record: DeadLetterRecord): DeadLetterRecord {
  return { ...record };
}
