/** A listener of one event type. */
export type Listener<T> = (payload: T) => void;

/** Call it to stop listening. */
export type Unsubscribe = () => void;

type ListenerLists<Events> = { [K in keyof Events]?: Listener<Events[K]>[] };

/**
 * A small typed emitter. Emitting with no listener costs one property read, so the hot
 * path pays nothing when nobody observes it. A listener that throws is isolated: it
 * changes neither the emitter's state nor the caller's result.
 */
export class TypedEventEmitter<Events extends object> {
  // Created on the first `on`: most emitters (one per breaker, per limiter) never get one.
  private listeners: ListenerLists<Events> | undefined;

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Unsubscribe {
    const listeners = (this.listeners ??= {} as ListenerLists<Events>);
    const list = (listeners[event] ??= []);
    list.push(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    const listeners = this.listeners;
    const list = listeners?.[event];
    if (listeners && list) listeners[event] = list.filter((l) => l !== listener);
  }

  /** True when someone listens: lets callers skip building a payload nobody reads. */
  hasListeners(event: keyof Events): boolean {
    return (this.listeners?.[event]?.length ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const list = this.listeners?.[event];
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
  }
}
