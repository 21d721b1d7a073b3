import type { JsonValues } from '../persistence/json-values.js';
import { LEARNED_TTL_MS } from './learned-strategies.js';

const KEY = 'totals';

interface Totals {
  recoveries: number;
  successes: number;
  durationMs: number;
}

/** Counts every recovery and its time, written through to the store. */
export class RecoveryTotals {
  private totals: Totals = { recoveries: 0, successes: 0, durationMs: 0 };

  constructor(
    private readonly records?: JsonValues,
    private readonly onWriteError: (error: unknown) => void = () => undefined,
  ) {}

  /** Reads the totals from the store (at start-up). */
  async load(): Promise<void> {
    const stored = (await this.records?.get(KEY)) as Totals | undefined;
    if (stored?.recoveries !== undefined) this.totals = stored;
  }

  /** Counts one recovery and writes the totals through to the store. */
  async record(success: boolean, durationMs: number): Promise<void> {
    this.totals.recoveries++;
    if (success) this.totals.successes++;
    this.totals.durationMs += durationMs;
    await this.records?.set(KEY, this.totals, LEARNED_TTL_MS).catch(this.onWriteError);
  }

  /** Recoveries counted. */
  get recoveries(): number {
    return this.totals.recoveries;
  }

  /** Share of recoveries that succeeded, 0–1 (0 before the first). */
  get successRate(): number {
    return this.totals.recoveries === 0 ? 0 : this.totals.successes / this.totals.recoveries;
  }

  /** Average time of a recovery, successful or not (0 before the first). */
  get averageDurationMs(): number {
    return this.totals.recoveries === 0 ? 0 : this.totals.durationMs / this.totals.recoveries;
  }
}
