import { systemClock, type Clock } from '../../core/index.js';
import type {
  ClaimByIdResult,
  DeadLetterCounts,
  DeadLetterOperations,
  DeadLetterPage,
  DeadLetterRecord,
  DeadLetterSettlement,
  DeadLetterStatus,
  NewDeadLetter,
  StallLimit,
} from '../dead-letter.types.js';
import { countRecords } from './count-dead-letters.js';
import { copy, dueAt, isDue, matches } from './dead-letter-rules.js';

interface Held {
  record: DeadLetterRecord;
  token?: string;
}

/**
 * The dead-letter queue in process memory, with the same semantics as the Redis one
 * (leases, tokens, expiry on the store's clock). Claims scan every message: the memory
 * store serves one process, whose queue stays small.
 */
export class MemoryDeadLetters implements DeadLetterOperations {
  /** Insertion order is the listing order (reversed: newest first). */
  private readonly messages = new Map<string, Held>();

  constructor(private readonly clock: Clock = systemClock) {}

  add(letter: NewDeadLetter): Promise<DeadLetterRecord> {
    const now = this.clock.now();
    const record: DeadLetterRecord = {
      ...letter,
      status: 'pending',
      attempts: 0,
      stalls: 0,
      firstFailedAt: now,
      lastFailedAt: now,
      nextRetryAt: now,
    };
    this.messages.set(letter.id, { record });
    return Promise.resolve(copy(record));
  }

  claim(
    limit: number,
    visibilityMs: number,
    token: string,
    stalls: StallLimit,
  ): Promise<DeadLetterRecord[]> {
    const now = this.clock.now();
    const claimed: DeadLetterRecord[] = [];
    const stalled = this.dueWith('processing', now).slice(0, limit);
    for (const held of stalled) {
      held.record.stalls += 1;
      if (held.record.stalls > stalls.maxStalls) this.exhaustStalled(held, stalls.error, now);
      else claimed.push(this.lease(held, now + visibilityMs, token));
    }
    for (const held of this.dueWith('pending', now).slice(0, limit - claimed.length)) {
      claimed.push(this.lease(held, now + visibilityMs, token));
    }
    return Promise.resolve(claimed);
  }

  claimById(id: string, visibilityMs: number, token: string): Promise<ClaimByIdResult> {
    const held = this.messages.get(id);
    const now = this.clock.now();
    if (!held) return Promise.resolve({ found: 'unknown' });
    const { status, leaseUntil } = held.record;
    if (status === 'succeeded') return Promise.resolve({ found: 'succeeded' });
    if (status === 'processing' && (leaseUntil ?? 0) > now)
      return Promise.resolve({ found: 'busy' });
    return Promise.resolve({
      found: 'claimed',
      record: this.lease(held, now + visibilityMs, token),
    });
  }

  settle(id: string, token: string, settlement: DeadLetterSettlement): Promise<boolean> {
    const held = this.messages.get(id);
    if (!held || held.record.status !== 'processing' || held.token !== token) {
      return Promise.resolve(false);
    }
    const now = this.clock.now();
    const record = held.record;
    endLease(held);
    if (settlement.kind === 'failed') {
      record.attempts += 1;
      record.lastFailedAt = now;
      record.lastError = settlement.error;
    }
    const delayMs = settlement.kind === 'succeeded' ? null : settlement.delayMs;
    if (delayMs === null) {
      finish(record, settlement.kind === 'succeeded' ? 'succeeded' : 'exhausted', now);
    } else {
      record.status = 'pending';
      record.nextRetryAt = now + delayMs;
    }
    return Promise.resolve(true);
  }

  get(id: string): Promise<DeadLetterRecord | undefined> {
    const held = this.messages.get(id);
    return Promise.resolve(held ? copy(held.record) : undefined);
  }

  list(filter: { from: number; scan: number; type?: string; status?: DeadLetterStatus }) {
    const all = [...this.messages.values()].reverse();
    const window = all.slice(filter.from, filter.from + filter.scan).map((held) => held.record);
    const records = window
      .filter((r) => (filter.type === undefined || r.type === filter.type) && matches(r, filter))
      .map(copy);
    const end = filter.from + filter.scan;
    return Promise.resolve<DeadLetterPage>({ records, next: end < all.length ? end : undefined });
  }

  counts(): Promise<DeadLetterCounts> {
    return Promise.resolve(countRecords([...this.messages.values()].map(({ record }) => record)));
  }

  purge(olderThanMs: number, limit: number): Promise<number> {
    const cutoff = this.clock.now() - olderThanMs;
    let purged = 0;
    for (const [id, { record }] of this.messages) {
      if (purged >= limit) break;
      if (record.settledAt !== undefined && record.settledAt < cutoff) {
        this.messages.delete(id);
        purged++;
      }
    }
    return Promise.resolve(purged);
  }

  clear(): void {
    this.messages.clear();
  }

  /** Messages in `status` that are due, oldest due first. */
  private dueWith(status: DeadLetterStatus, now: number): Held[] {
    return [...this.messages.values()]
      .filter(({ record }) => record.status === status && isDue(record, now))
      .sort((a, b) => dueAt(a.record) - dueAt(b.record));
  }

  private exhaustStalled(held: Held, error: string, now: number): void {
    endLease(held);
    held.record.lastFailedAt = now;
    held.record.lastError = error;
    finish(held.record, 'exhausted', now);
  }

  private lease(held: Held, until: number, token: string): DeadLetterRecord {
    const record = held.record;
    record.status = 'processing';
    record.leaseUntil = until;
    record.nextRetryAt = undefined;
    record.settledAt = undefined;
    held.token = token;
    return copy(record);
  }
}

/** Its claim has ended, settled by its holder or run out. */
function endLease(held: Held): void {
  held.token = undefined;
  held.record.leaseUntil = undefined;
}

/** Succeeded or exhausted: it waits for purge. */
function finish(record: DeadLetterRecord, status: 'succeeded' | 'exhausted', now: number): void {
  record.status = status;
  record.settledAt = now;
}
