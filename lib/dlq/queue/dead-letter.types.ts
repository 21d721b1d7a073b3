import type { BackoffKind, JitterKind } from '../../core/index.js';
import type { DeadLetterStatus } from '../../store/index.js';

/** How a message is retried (the Retry policy's names); `maxRetries` counts handler runs. */
export interface DeadLetterRetryOptions {
  maxRetries?: number;
  backoff?: BackoffKind;
  baseDelayMs?: number;
  maxDelayMs?: number;
  multiplier?: number;
  jitter?: JitterKind;
}

/** An error as a message keeps it. */
export interface DeadLetterErrorInfo {
  name: string;
  message: string;
  stack?: string;
}

/** What failed: a type (which handler retries it) and a JSON-safe payload. */
export interface DeadLetterInput<P = unknown> {
  type: string;
  payload: P;
}

/** A dead letter. Times in ms since the epoch. */
export interface DeadLetterMessage<P = unknown> {
  id: string;
  type: string;
  payload: P;
  /** The failure that put it here. */
  error: DeadLetterErrorInfo;
  /** The last handler run's error. */
  lastError?: DeadLetterErrorInfo;
  status: DeadLetterStatus;
  /** Handler runs that failed so far. */
  attempts: number;
  /** Handler runs allowed before it is exhausted. */
  maxRetries: number;
  /** Times its claim ran out unsettled (its process died or hung) and it was taken back. */
  stalls: number;
  firstFailedAt: number;
  lastFailedAt: number;
  /** When a pending message is next tried. */
  nextRetryAt?: number;
  /** When a processing message's claim runs out (then another process may take it). */
  leaseUntil?: number;
  /** When it succeeded or was exhausted. */
  settledAt?: number;
  /** Why it was exhausted. */
  exhaustedReason?: string;
}

/** Retries the messages of one type; throwing (or rejecting) counts as a failed run. */
export type DeadLetterHandlerFn<P = unknown> = (
  payload: P,
  message: DeadLetterMessage<P>,
) => unknown;

/** What one handler run (or an attempt to start one) came to. */
export interface DeadLetterOutcome {
  id: string;
  /**
   * `succeeded`; `failed` (pending again, see `nextRetryAt`); `exhausted`; `unhandled` (no
   * handler for its type: pending again); `busy` (another process holds it);
   * `already-succeeded`; `lost` (the claim ran out and another process took it).
   */
  outcome:
    'succeeded' | 'failed' | 'exhausted' | 'unhandled' | 'busy' | 'already-succeeded' | 'lost';
  status: DeadLetterStatus;
  attempts?: number;
  nextRetryAt?: number;
  error?: DeadLetterErrorInfo;
}

/** What one `processBatch` did. */
export interface DeadLetterBatchResult {
  claimed: number;
  succeeded: number;
  failed: number;
  exhausted: number;
  unhandled: number;
  lost: number;
  outcomes: DeadLetterOutcome[];
}

/** Filters of `list`. */
export interface DeadLetterQuery {
  /** At most this many, newest first. Default 50. */
  limit?: number;
  type?: string;
  status?: DeadLetterStatus;
}

/** Counts of the queue. */
export interface DeadLetterStats {
  total: number;
  byStatus: Record<DeadLetterStatus, number>;
  byType: Record<string, Partial<Record<DeadLetterStatus, number>>>;
  /** Types with waiting messages and no handler (reported, never dropped). */
  unhandledTypes: string[];
}
