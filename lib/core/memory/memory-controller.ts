import { systemClock, type Clock } from '../clock/index.js';
import {
  cleanupLevelFor,
  runsAt,
  type Cleanable,
  type CleanupLevel,
  type MemoryLevel,
} from './cleanable.js';
import type {
  CleanableRun,
  CleanupReport,
  MemoryControllerOptions,
  MemoryStats,
  MemoryThresholds,
} from './memory-controller.types.js';
import { pressureOf, processMemoryReader, type MemoryReader } from './memory-pressure.js';

const exposedGc = (): (() => void) | undefined => (globalThis as { gc?: () => void }).gc;

/**
 * Watches memory pressure (heap against its limit, RSS against the memory available, the
 * higher counting) and frees memory through registered cleanables: at warning a `standard`
 * cleanup, at critical and emergency cleanups of those names. Cleanables run one after
 * another in ascending priority, each only from its `minLevel` up; one that throws is
 * reported and the rest still run. A garbage collection follows when `gc` is available.
 */
export class MemoryController {
  readonly thresholds: MemoryThresholds;
  private readonly reader: MemoryReader;
  private readonly clock: Clock;
  private readonly cleanables = new Map<string, Cleanable>();
  private running?: Promise<CleanupReport>;
  private last?: CleanupReport;

  constructor(private readonly options: MemoryControllerOptions = {}) {
    this.thresholds = {
      warningPercent: options.warningPercent ?? 70,
      criticalPercent: options.criticalPercent ?? 85,
      emergencyPercent: options.emergencyPercent ?? 95,
    };
    this.reader = options.reader ?? processMemoryReader;
    this.clock = options.clock ?? systemClock;
  }

  /** Adds (or replaces, by name) a cleanable; returns a function that removes it. */
  register(cleanable: Cleanable): () => void {
    this.cleanables.set(cleanable.name, cleanable);
    return () => {
      if (this.cleanables.get(cleanable.name) === cleanable) this.cleanables.delete(cleanable.name);
    };
  }

  /** The pressure level now. */
  level(): MemoryLevel {
    return this.levelAt(pressureOf(this.reader.read()).percent);
  }

  /** Reads the pressure and cleans up as it calls for; undefined when below warning. */
  async check(): Promise<CleanupReport | undefined> {
    const level = cleanupLevelFor(this.level());
    return level === undefined ? undefined : this.cleanup(level, 'check');
  }

  /** Runs a cleanup at `level` now (joins one already running). */
  cleanup(
    level: CleanupLevel,
    trigger: CleanupReport['trigger'] = 'manual',
  ): Promise<CleanupReport> {
    this.running ??= this.run(level, trigger).finally(() => (this.running = undefined));
    return this.running;
  }

  stats(): MemoryStats {
    const reading = this.reader.read();
    const { heapUsedPercent, rssPercent, percent } = pressureOf(reading);
    const cleanables = this.ordered().map((cleanable) => ({
      name: cleanable.name,
      priority: cleanable.priority,
      minLevel: cleanable.minLevel ?? 'standard',
      size: sizeOf(cleanable),
    }));
    const gcExposed = (this.options.gc ?? exposedGc()) !== undefined;
    const stats = {
      level: this.levelAt(percent),
      heapUsedPercent,
      rssPercent,
      ...reading,
      thresholds: this.thresholds,
      gcExposed,
      cleanables,
    };
    return this.last ? { ...stats, lastCleanup: this.last } : stats;
  }

  private async run(
    level: CleanupLevel,
    trigger: CleanupReport['trigger'],
  ): Promise<CleanupReport> {
    const at = this.clock.now();
    const before = this.reader.read();
    const ran: CleanableRun[] = [];
    for (const cleanable of this.ordered()) {
      if (!runsAt(cleanable.minLevel, level)) continue;
      const { name, priority } = cleanable;
      try {
        const freed = await cleanable.cleanup(level);
        ran.push(typeof freed === 'number' ? { name, priority, freed } : { name, priority });
      } catch (error) {
        ran.push({ name, priority, error: error instanceof Error ? error.message : String(error) });
      }
    }
    const gc = this.options.gc ?? exposedGc();
    gc?.();
    const report = {
      level,
      trigger,
      at,
      durationMs: this.clock.now() - at,
      ran,
      gcRan: gc !== undefined,
      before,
      after: this.reader.read(),
    };
    this.last = report;
    return report;
  }

  private levelAt(percent: number): MemoryLevel {
    const { warningPercent, criticalPercent, emergencyPercent } = this.thresholds;
    if (percent >= emergencyPercent) return 'emergency';
    if (percent >= criticalPercent) return 'critical';
    return percent >= warningPercent ? 'warning' : 'normal';
  }

  /** Ascending priority; registration order among equals (the sort is stable). */
  private ordered(): Cleanable[] {
    return [...this.cleanables.values()].sort((a, b) => a.priority - b.priority);
  }
}

function sizeOf(cleanable: Cleanable): number | undefined {
  try {
    return cleanable.size?.();
  } catch {
    return undefined;
  }
}
