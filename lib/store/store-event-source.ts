import { TypedEventEmitter, type Listener, type Unsubscribe } from '../core/index.js';
import type { ResilienceStoreEvents } from './resilience-store.js';

/** The reachability events every store offers (a store that cannot fail never emits). */
export abstract class StoreEventSource {
  protected readonly events = new TypedEventEmitter<ResilienceStoreEvents>();

  on<K extends keyof ResilienceStoreEvents>(
    event: K,
    listener: Listener<ResilienceStoreEvents[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }
}
