import { ListenerTable } from './listener-table.js';

/** A listener of one event type. */
export type Listener<T> = (payload: T) => void;

/** Call it to stop listening. */
export type Unsubscribe = () => void;

/**
 * A small typed emitter. Emitting with no listener costs one property read, so the hot
 * path pays nothing when nobody observes it. A listener that throws is isolated: it
 * changes neither the emitter's state nor the caller's result.
 */
export class TypedEventEmitter<Events extends object> {
  // Created on the first `on`: most emitters (one per breaker, per limiter) never get one.
  // A Map inside, not an object keyed by event: objects listened to in different orders take
  // different shapes, and the lookup, shared by every emitter, went megamorphic (~8 ns each,
  // a few per call in an app whose monitoring listens).
  private listeners: ListenerTable<Events> | undefined;
  private changes = 0;

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe {
    (this.listeners ??= new ListenerTable()).add(event, listener as Listener<never>);
    this.changes++;
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    if (this.listeners === undefined) return;
    this.listeners.remove(event, listener as Listener<never>);
    this.changes++;
  }

  /** Changes whenever a listener is added or removed: lets a caller keep what it asked. */
  get version(): number {
    return this.changes;
  }

  /** True when someone listens: lets callers skip building a payload nobody reads. */
  hasListeners(event: keyof Events): boolean {
    return (this.listeners?.listenersOf(event)?.length ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const list = this.listeners?.listenersOf(event) as readonly Listener<Events[K]>[] | undefined;
    if (!list || list.length === 0) return;
    for (const listener of list) {
      try {
        listener(payload);
      } catch {
        // A faulty observer must not break the policy it observes.
      }
    }
  }

  removeAllListeners(): void {
    this.listeners = undefined;
    this.changes++;
  }
}
