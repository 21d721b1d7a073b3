import type { RecoveryStrategyName } from '../../core/classification/index.js';

/** What has been learned about one strategy for one (service, category). */
export interface StrategyRecord {
  successes: number;
  failures: number;
  /** Summed duration of the successful runs, for the average recovery time. */
  successDurationMs: number;
}

/** Per strategy, its record: the learned table of one (service, category). */
export type StrategyTable = Partial<Record<RecoveryStrategyName, StrategyRecord>>;

/** One (service, category) pair and what was learned for it. */
export interface LearnedEntry {
  serviceId: string;
  category: string;
  strategies: StrategyTable;
}

/** A record with nothing in it. */
export function emptyRecord(): StrategyRecord {
  return { successes: 0, failures: 0, successDurationMs: 0 };
}

/** Average duration of the successful runs; undefined before the first success. */
export function averageDurationMs(record: StrategyRecord | undefined): number | undefined {
  return record && record.successes > 0 ? record.successDurationMs / record.successes : undefined;
}
