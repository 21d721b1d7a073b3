import type { Listener } from './event-emitter.js';

/**
 * An emitter's listeners, by event. A policy asks about the same event on every call
 * (`success`, mostly), so the table remembers its last answer: asking again costs a
 * comparison instead of a `Map` lookup.
 */
export class ListenerTable<Events extends object> {
  private readonly lists = new Map<keyof Events, Listener<never>[]>();
  private askedEvent: keyof Events | undefined;
  private askedList: Listener<never>[] | undefined;

  /** The event's listeners: missing or empty when nobody listens. */
  listenersOf(event: keyof Events): readonly Listener<never>[] | undefined {
    if (event !== this.askedEvent) {
      this.askedList = this.lists.get(event);
      this.askedEvent = event;
    }
    return this.askedList;
  }

  add(event: keyof Events, listener: Listener<never>): void {
    const list = this.lists.get(event);
    if (list) list.push(listener);
    else this.lists.set(event, [listener]);
    this.forgetAsked();
  }

  /** Replaces the event's list, so that an `emit` iterating the old one is not disturbed. */
  remove(event: keyof Events, listener: Listener<never>): void {
    const list = this.lists.get(event);
    if (!list) return;
    this.lists.set(
      event,
      list.filter((l) => l !== listener),
    );
    this.forgetAsked();
  }

  private forgetAsked(): void {
    this.askedEvent = undefined;
    this.askedList = undefined;
  }
}
