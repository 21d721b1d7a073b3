/** Where a dead letter is in its life. */
export type DeadLetterStatus = 'pending' | 'processing' | 'succeeded' | 'exhausted';

/** Every status, in life order. */
export const DEAD_LETTER_STATUSES: readonly DeadLetterStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'exhausted',
];

/** A new dead letter, as the queue hands it to the store. */
export interface NewDeadLetter {
  id: string;
  type: string;
  /** JSON text the store keeps as is (the payload, the first error, retry options). */
  body: string;
}

/** A dead letter as the store keeps it. Times are the store's clock, in ms. */
export interface DeadLetterRecord {
  id: string;
  type: string;
  body: string;
  status: DeadLetterStatus;
  /** Handler runs that failed. */
  attempts: number;
  /** Times its claim ran out unsettled (its process died or hung) and it was taken back. */
  stalls: number;
  firstFailedAt: number;
  lastFailedAt: number;
  /** When a pending message is due (undefined otherwise). */
  nextRetryAt?: number;
  /** When a processing message's claim runs out (undefined otherwise). */
  leaseUntil?: number;
  /** When it succeeded or was exhausted. */
  settledAt?: number;
  /** JSON text of the last handler error, if any. */
  lastError?: string;
}

/** How a claimed message ended. `delayMs: null` after a failure means exhausted. */
export type DeadLetterSettlement =
  | { kind: 'succeeded' }
  | { kind: 'failed'; error: string; delayMs: number | null }
  /** Back to pending without counting a run (no handler for its type). */
  | { kind: 'released'; delayMs: number };

/** The answer of a claim by id. */
export type ClaimByIdResult =
  | { found: 'claimed'; record: DeadLetterRecord }
  | { found: 'unknown' }
  | { found: 'busy' }
  | { found: 'succeeded' };

/** Message counts, by status and by type then status. */
export interface DeadLetterCounts {
  byStatus: Record<DeadLetterStatus, number>;
  byType: Record<string, Partial<Record<DeadLetterStatus, number>>>;
}

/**
 * How claims treat a message whose claim ran out unsettled: taken back for another run at
 * most `maxStalls` times; past that it is exhausted with `error` (JSON text) as its last
 * error, so a message that kills or hangs its process cannot do it forever.
 */
export interface StallLimit {
  maxStalls: number;
  error: string;
}

/** A page of messages, newest first; `next` continues the listing (undefined at the end). */
export interface DeadLetterPage {
  records: DeadLetterRecord[];
  next?: number;
}

/**
 * The dead-letter queue's state, every operation atomic. A message is claimed with a
 * lease (`visibilityMs`) and a token; only the holder of the token settles it. A claim
 * first returns every message whose lease ran out to the queue, so a message claimed by a
 * process that died is claimed again after the visibility timeout (at-least-once).
 */
export interface DeadLetterOperations {
  /** Stores a new pending message, due now. */
  add(letter: NewDeadLetter): Promise<DeadLetterRecord>;
  /**
   * Claims up to `limit` due messages for `visibilityMs`: first those whose claim ran out
   * (counting a stall; past `stalls.maxStalls` they are exhausted instead), then pending
   * ones, oldest due first.
   */
  claim(
    limit: number,
    visibilityMs: number,
    token: string,
    stalls: StallLimit,
  ): Promise<DeadLetterRecord[]>;
  /** Claims one message whatever its due time (pending or exhausted; busy while leased). */
  claimById(id: string, visibilityMs: number, token: string): Promise<ClaimByIdResult>;
  /** Settles a claimed message; false when the claim was lost (expired and taken again). */
  settle(id: string, token: string, settlement: DeadLetterSettlement): Promise<boolean>;
  get(id: string): Promise<DeadLetterRecord | undefined>;
  /** Up to `scan` messages from position `from` (0: newest), filtered. */
  list(filter: {
    from: number;
    scan: number;
    type?: string;
    status?: DeadLetterStatus;
  }): Promise<DeadLetterPage>;
  counts(): Promise<DeadLetterCounts>;
  /** Deletes up to `limit` settled messages settled more than `olderThanMs` ago; how many. */
  purge(olderThanMs: number, limit: number): Promise<number>;
}
