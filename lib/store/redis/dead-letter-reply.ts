import {
  DEAD_LETTER_STATUSES,
  type DeadLetterCounts,
  type DeadLetterRecord,
  type DeadLetterStatus,
} from '../dead-letter.types.js';
import { emptyDeadLetterCounts } from '../memory/count-dead-letters.js';

/** What the script keeps of a message: the record, plus the claim token of its holder. */
type StoredRecord = DeadLetterRecord & { token?: string };

/** A message's JSON as the script keeps it, as a record; the claim token stays out. */
export function recordOf(text: string): DeadLetterRecord {
  const { token: _token, ...record } = JSON.parse(text) as StoredRecord;
  return record;
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
