import {
  SharedBreakerCell,
  systemClock,
  type BreakerAdmission,
  type BreakerOutcome,
  type BreakerTransition,
  type BreakerTransitionResult,
  type Clock,
  type SharedBreakerOperations,
  type SharedBreakerSnapshot,
  type SharedBreakerSpec,
} from '../../core/index.js';
import { BREAKER_IDLE_TTL_MS } from '../breaker-idle-ttl.js';
/** Idle breakers are looked for at most this often, during an operation (no timer). */
const SWEEP_EVERY_MS = 3_600_000;

interface Entry {
  cell: SharedBreakerCell;
  usedAt: number;
}

/** Shared breaker state in process memory: one {@link SharedBreakerCell} per name. */
export class MemoryBreakers implements SharedBreakerOperations {
  private readonly cells = new Map<string, Entry>();
  private nextSweepAt: number;

  constructor(private readonly clock: Clock = systemClock) {
    this.nextSweepAt = clock.now() + SWEEP_EVERY_MS;
  }

  /** How many breakers are held. */
  get size(): number {
    return this.cells.size;
  }

  admit(name: string, spec: SharedBreakerSpec): Promise<BreakerAdmission> {
    return this.with(name, spec, (cell, now) => cell.admit(now));
  }

  record(
    name: string,
    spec: SharedBreakerSpec,
    outcome: BreakerOutcome,
  ): Promise<SharedBreakerSnapshot> {
    return this.with(name, spec, (cell, now) => cell.record(outcome, now));
  }

  read(name: string, spec: SharedBreakerSpec): Promise<SharedBreakerSnapshot> {
    return this.with(name, spec, (cell, now) => cell.read(now));
  }

  transition(
    name: string,
    spec: SharedBreakerSpec,
    change: BreakerTransition,
  ): Promise<BreakerTransitionResult> {
    return this.with(name, spec, (cell, now) => cell.transition(change, now));
  }

  clear(): void {
    this.cells.clear();
  }

  private with<T>(
    name: string,
    spec: SharedBreakerSpec,
    operate: (cell: SharedBreakerCell, now: number) => T,
  ): Promise<T> {
    const now = this.clock.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    let entry = this.cells.get(name);
    if (entry === undefined) {
      entry = { cell: new SharedBreakerCell(spec, now), usedAt: now };
      this.cells.set(name, entry);
    }
    entry.usedAt = now;
    entry.cell.adopt(spec);
    return Promise.resolve(operate(entry.cell, now));
  }

  private sweep(now: number): void {
    for (const [name, entry] of this.cells) {
      if (now - entry.usedAt >= BREAKER_IDLE_TTL_MS) this.cells.delete(name);
    }
    this.nextSweepAt = now + SWEEP_EVERY_MS;
  }
}
