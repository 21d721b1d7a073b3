import {
  DEAD_LETTER_STATUSES,
  type DeadLetterCounts,
  type DeadLetterRecord,
  type DeadLetterStatus,
} from '../dead-letter.types.js';
import { emptyDeadLetterCounts } from '../memory/count-dead-letters.js';

/** A message hash (HGETALL's flat field/value list) as a record; the claim token stays out. */
export function recordOf(flat: readonly string[]): DeadLetterRecord {
  const fields = new Map<string, string>();
  for (let i = 0; i < flat.length; i += 2) fields.set(flat[i], flat[i + 1]);
  const text = (name: string): string => fields.get(name) ?? '';
  const time = (name: string): number | undefined =>
    fields.has(name) ? Number(fields.get(name)) : undefined;
  const record: DeadLetterRecord = {
    id: text('id'),
    type: text('type'),
    body: text('body'),
    status: text('status') as DeadLetterStatus,
    attempts: Number(text('attempts')),
    firstFailedAt: Number(text('firstFailedAt')),
    lastFailedAt: Number(text('lastFailedAt')),
  };
  const optional = { nextRetryAt: time('nextRetryAt'), leaseUntil: time('leaseUntil') };
  const settledAt = time('settledAt');
  const lastError = fields.get('lastError');
  return Object.assign(record, withoutUndefined({ ...optional, settledAt, lastError }));
}

/** The counts hash: `<status>` and `<status>|<type>` fields. */
export function countsOf(flat: readonly string[]): DeadLetterCounts {
  const counts = emptyDeadLetterCounts();
  for (let i = 0; i < flat.length; i += 2) {
    const value = Number(flat[i + 1]);
    const bar = flat[i].indexOf('|');
    if (bar < 0) {
      if (isStatus(flat[i])) counts.byStatus[flat[i] as DeadLetterStatus] = value;
      continue;
    }
    const status = flat[i].slice(0, bar) as DeadLetterStatus;
    if (value === 0 || !isStatus(status)) continue;
    (counts.byType[flat[i].slice(bar + 1)] ??= {})[status] = value;
  }
  return counts;
}

function isStatus(text: string): boolean {
  return (DEAD_LETTER_STATUSES as readonly string[]).includes(text);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
