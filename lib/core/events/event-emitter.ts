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
  // A Map, not an object keyed by event: objects listened to in different orders take
  // different shapes, and the lookup, shared by every emitter, went megamorphic (~8 ns each,
  // a few per call in an app whose monitoring listens).
  private listeners: Map<keyof Events, Listener<never>[]> | undefined;
  private changes = 0;

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe {
    const listeners = (this.listeners ??= new Map());
    const list = listeners.get(event);
    if (list) list.push(listener as Listener<never>);
    else listeners.set(event, [listener as Listener<never>]);
    this.changes++;
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    const list = this.listeners?.get(event);
    if (!list) return;
    this.listeners!.set(
      event,
      list.filter((l) => l !== listener),
    );
    this.changes++;
  }

  /** Changes whenever a listener is added or removed: lets a caller keep what it asked. */
  get version(): number {
    return this.changes;
  }

  /** True when someone listens: lets callers skip building a payload nobody reads. */
  hasListeners(event: keyof Events): boolean {
    return (this.listeners?.get(event)?.length ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const list = this.listeners?.get(event) as Listener<Events[K]>[] | undefined;
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
