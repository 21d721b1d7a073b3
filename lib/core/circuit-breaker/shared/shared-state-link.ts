import type { Clock } from '../../clock/index.js';
import type { TypedEventEmitter } from '../../events/index.js';
import { OutageTracker } from '../../outage/index.js';
import type { CircuitBreakerEvents } from '../circuit-breaker.events.js';
import type { CircuitStateMachine } from '../circuit-state-machine.js';
import type {
  BreakerAdmission,
  BreakerOutcome,
  BreakerTransition,
  SharedBreakerOperations,
  SharedBreakerSnapshot,
  SharedBreakerSpec,
} from './shared-breaker.types.js';
import { mirrorSnapshot } from './state-mirror.js';

/**
 * A shared breaker's line to the store: sends its operations, mirrors every answer into
 * the local state machine, and reports outages once (`storeFailure`, `storeRecovered`).
 * Operations resolve `undefined` when the store failed, so the caller falls back to the
 * local machine; they never reject.
 */
export class SharedStateLink {
  /** The last state the store reported. */
  lastSeen: SharedBreakerSnapshot | undefined;
  /** Why the store last failed (cleared when it answers). */
  lastError: unknown;
  private readonly outage: OutageTracker;
  /** Manual transitions not yet acknowledged; later operations wait for them. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    public spec: SharedBreakerSpec,
    private readonly store: SharedBreakerOperations,
    private readonly machine: CircuitStateMachine,
    private readonly clock: Clock,
    events: TypedEventEmitter<CircuitBreakerEvents>,
  ) {
    this.outage = new OutageTracker({
      failed: (error) => events.emit('storeFailure', { name, error }),
      recovered: () => events.emit('storeRecovered', { name }),
    });
  }

  /** True between a store failure and its next answer. */
  get isDown(): boolean {
    return this.outage.isDown;
  }

  async admit(): Promise<BreakerAdmission | undefined> {
    await this.pending;
    const admission = await this.ask(() => this.store.admit(this.name, this.spec));
    if (admission) this.answered(admission.snapshot);
    return admission;
  }

  /** False when the store failed (the outcome was not recorded there). */
  async record(outcome: BreakerOutcome): Promise<boolean> {
    const snapshot = await this.ask(() => this.store.record(this.name, this.spec, outcome));
    if (snapshot) this.answered(snapshot);
    return snapshot !== undefined;
  }

  async read(): Promise<void> {
    await this.pending;
    const snapshot = await this.ask(() => this.store.read(this.name, this.spec));
    if (snapshot) this.answered(snapshot);
  }

  /** Sends a manual transition after the ones before it; a store failure leaves only the local one. */
  push(change: BreakerTransition): Promise<void> {
    this.pending = this.pending.then(async () => {
      const result = await this.ask(() => this.store.transition(this.name, this.spec, change));
      if (result) this.answered(result.snapshot);
    });
    return this.pending;
  }

  private async ask<T>(operation: () => Promise<T>): Promise<T | undefined> {
    try {
      return await operation();
    } catch (error) {
      this.lastError = error;
      this.outage.failed(error);
      return undefined;
    }
  }

  private answered(snapshot: SharedBreakerSnapshot): void {
    this.lastError = undefined;
    this.outage.answered();
    mirrorSnapshot(this.machine, this.lastSeen, snapshot, this.clock.now());
    this.lastSeen = snapshot;
  }
}
