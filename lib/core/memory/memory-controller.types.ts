import type { Clock } from '../clock/index.js';
import type { CleanupLevel, MemoryLevel } from './cleanable.js';
import type { MemoryReader, MemoryReading } from './memory-pressure.js';

/** Pressure thresholds, in percent, rising. */
export interface MemoryThresholds {
  readonly warningPercent: number;
  readonly criticalPercent: number;
  readonly emergencyPercent: number;
}

/** Settings of a {@link MemoryController}. */
export interface MemoryControllerOptions extends Partial<MemoryThresholds> {
  /** Default: this process (heap against its limit, RSS against the memory available). */
  reader?: MemoryReader;
  /** Runs a garbage collection; default `global.gc` when the process runs with `--expose-gc`. */
  gc?: () => void;
  /** Time source for reports; default the system clock. */
  clock?: Clock;
}

/** What one cleanable did in a cleanup. */
export interface CleanableRun {
  readonly name: string;
  readonly priority: number;
  /** What it reported freeing, in its own unit. */
  readonly freed?: number;
  /** Its error message, when it threw (the others still ran). */
  readonly error?: string;
}

/** One cleanup: what ran, in order, and the pressure before and after. */
export interface CleanupReport {
  readonly level: CleanupLevel;
  /** `check` (scheduled or on demand) or `manual`. */
  readonly trigger: 'check' | 'manual';
  readonly at: number;
  readonly durationMs: number;
  readonly ran: readonly CleanableRun[];
  readonly gcRan: boolean;
  readonly before: MemoryReading;
  readonly after: MemoryReading;
}

/** A snapshot of memory pressure and of the registered cleanables. */
export interface MemoryStats {
  readonly level: MemoryLevel;
  readonly heapUsedPercent: number;
  readonly rssPercent: number;
  readonly heapUsedBytes: number;
  readonly heapLimitBytes: number;
  readonly rssBytes: number;
  readonly systemTotalBytes: number;
  readonly thresholds: MemoryThresholds;
  readonly gcExposed: boolean;
  readonly cleanables: readonly {
    name: string;
    priority: number;
    minLevel: CleanupLevel;
    size?: number;
  }[];
  readonly lastCleanup?: CleanupReport;
}
