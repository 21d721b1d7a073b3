import type { ErrorCategory, RecoveryStrategyName } from '../../core/classification/index.js';
import type { JsonValues } from '../persistence/json-values.js';
import { emptyRecord, type LearnedEntry, type StrategyTable } from './strategy-record.js';

/** Learned tables are kept this long after their last update. */
export const LEARNED_TTL_MS = 30 * 24 * 3_600_000;

/**
 * What recovery has learned, per (service, category) and strategy: successes, failures and
 * time to recover. Kept in memory for choosing and written through to the store, so a
 * restart with a shared store (Redis) starts from what was learned.
 */
export class LearnedStrategies {
  private readonly entries = new Map<string, LearnedEntry>();

  /** `onWriteError`: a failed write loses one update, never the recovery that made it. */
  constructor(
    private readonly records?: JsonValues,
    private readonly onWriteError: (error: unknown) => void = () => undefined,
  ) {}

  /** Reads every learned table from the store (at start-up). */
  async load(): Promise<void> {
    if (!this.records) return;
    for (const key of await this.records.keys()) {
      const entry = (await this.records.get(key)) as LearnedEntry | undefined;
      if (entry?.serviceId !== undefined)
        this.entries.set(keyOf(entry.serviceId, entry.category), entry);
    }
  }

  /** What was learned for one (service, category); empty when nothing yet. */
  table(serviceId: string, category: ErrorCategory): StrategyTable {
    return this.entries.get(keyOf(serviceId, category))?.strategies ?? {};
  }

  /** Every (service, category) learned about. */
  all(): LearnedEntry[] {
    return [...this.entries.values()];
  }

  /** Counts one outcome of a strategy and writes the entry through to the store. */
  async record(
    serviceId: string,
    category: ErrorCategory,
    strategy: RecoveryStrategyName,
    outcome: { success: boolean; durationMs: number },
  ): Promise<void> {
    const key = keyOf(serviceId, category);
    const entry = this.entries.get(key) ?? { serviceId, category, strategies: {} };
    const record = (entry.strategies[strategy] ??= emptyRecord());
    if (outcome.success) {
      record.successes++;
      record.successDurationMs += outcome.durationMs;
    } else record.failures++;
    this.entries.set(key, entry);
    await this.records?.set(key, entry, LEARNED_TTL_MS).catch(this.onWriteError);
  }

  /** Forgets everything learned, in memory and in the store. */
  async reset(): Promise<void> {
    const keys = [...this.entries.keys()];
    this.entries.clear();
    await Promise.all(keys.map((key) => this.records?.delete(key)));
  }
}

function keyOf(serviceId: string, category: string): string {
  return `${encodeURIComponent(serviceId)}:${category}`;
}
