import type { RecoveryRecord } from './report.types.js';
import { TimeBuckets } from './time-buckets.js';

/** Recovery counts of one service, category and strategy in one bucket. */
export interface RecoveryTally {
  attempts: number;
  successes: number;
  /** Attempts that reported a recovery time. */
  timed: number;
  totalMs: number;
}

/** Totals of error counts or recovery tallies, with the key split back into its parts. */
export interface Keyed<T> {
  parts: string[];
  value: T;
}

const SEPARATOR = '\u0000';
const BUCKET_MS = 10_000;
const MAX_KEYS = 200;
/** Raw attempts kept for reports (the latest, with their context). */
const RECENT_ATTEMPTS = 50;

/**
 * What the monitor has seen, in 10-second buckets kept for the retention period: errors by
 * service, category and type; recovery attempts by service, category and strategy; breaker
 * openings by name.
 */
export class ErrorAnalytics {
  private readonly errors: TimeBuckets<{ count: number }>;
  private readonly serviceErrors: TimeBuckets<{ count: number }>;
  private readonly recoveries: TimeBuckets<RecoveryTally>;
  private readonly opens: TimeBuckets<{ count: number }>;
  private readonly recent: (RecoveryRecord & { at: number })[] = [];

  constructor(retentionMs: number) {
    const options = (parts: number) => ({
      retentionMs,
      bucketMs: BUCKET_MS,
      maxKeys: MAX_KEYS,
      overflowKey: Array.from({ length: parts }, () => 'other').join(SEPARATOR),
    });
    this.errors = new TimeBuckets(() => ({ count: 0 }), options(3));
    this.serviceErrors = new TimeBuckets(() => ({ count: 0 }), options(1));
    this.recoveries = new TimeBuckets(
      () => ({ attempts: 0, successes: 0, timed: 0, totalMs: 0 }),
      options(3),
    );
    this.opens = new TimeBuckets(() => ({ count: 0 }), options(1));
  }

  recordError(at: number, service: string, category: string, errorType: string): void {
    this.errors.add(at, [service, category, errorType].join(SEPARATOR), (e) => void e.count++);
    this.serviceErrors.add(at, service, (e) => void e.count++);
  }

  /** Errors of one service in `[from, to)` (cheap: read on every error to check its rate). */
  errorsOf(service: string, from: number, to: number): number {
    return this.serviceErrors.entriesOf(service, from, to).reduce((sum, e) => sum + e.count, 0);
  }

  recordRecovery(attempt: RecoveryRecord & { at: number }): void {
    const key = [attempt.service, attempt.category ?? 'unknown', attempt.strategy].join(SEPARATOR);
    this.recoveries.add(attempt.at, key, (tally) => {
      tally.attempts++;
      if (attempt.success) tally.successes++;
      if (attempt.recoveryTimeMs !== undefined && Number.isFinite(attempt.recoveryTimeMs)) {
        tally.timed++;
        tally.totalMs += attempt.recoveryTimeMs;
      }
    });
    this.recent.push(attempt);
    if (this.recent.length > RECENT_ATTEMPTS) this.recent.shift();
  }

  recordOpen(at: number, breaker: string): void {
    this.opens.add(at, breaker, (entry) => void entry.count++);
  }

  /** Error counts in `[from, to)` by service, category and type. */
  errorCounts(from: number, to: number): Keyed<number>[] {
    return merged<{ count: number }, number>(
      this.errors,
      from,
      to,
      (total, entry) => (total ?? 0) + entry.count,
    );
  }

  /** Recovery tallies in `[from, to)` by service, category and strategy. */
  recoveryTallies(from: number, to: number): Keyed<RecoveryTally>[] {
    return merged(this.recoveries, from, to, (total, tally) => addTally(total, tally));
  }

  /** Times each breaker opened in `[from, to)`. */
  openings(from: number, to: number): Map<string, number> {
    const counts = merged<{ count: number }, number>(
      this.opens,
      from,
      to,
      (total, entry) => (total ?? 0) + entry.count,
    );
    return new Map(counts.map(({ parts, value }) => [parts[0], value]));
  }

  /** The latest recorded attempts in `[from, to)`, oldest first. */
  recentAttempts(from: number, to: number): RecoveryRecord[] {
    return this.recent.filter((attempt) => attempt.at >= from && attempt.at < to);
  }
}

/** Sums several tallies into one. */
export function addTally(total: RecoveryTally | undefined, tally: RecoveryTally): RecoveryTally {
  return {
    attempts: (total?.attempts ?? 0) + tally.attempts,
    successes: (total?.successes ?? 0) + tally.successes,
    timed: (total?.timed ?? 0) + tally.timed,
    totalMs: (total?.totalMs ?? 0) + tally.totalMs,
  };
}

function merged<T, R>(
  buckets: TimeBuckets<T>,
  from: number,
  to: number,
  add: (total: R | undefined, entry: T) => R,
): Keyed<R>[] {
  const totals = new Map<string, R>();
  buckets.forEach(from, to, (key, entry) => totals.set(key, add(totals.get(key), entry)));
  return [...totals].map(([key, value]) => ({ parts: key.split(SEPARATOR), value }));
}
