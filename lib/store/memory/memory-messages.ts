import type { Unsubscribe } from '../../core/index.js';
import type { MessageOperations } from '../message.types.js';

/** Messages within the one process a memory store serves. */
export class MemoryMessages implements MessageOperations {
  private readonly listeners = new Map<string, Set<(message: string) => void>>();

  async publish(topic: string, message: string): Promise<void> {
    for (const listener of this.listeners.get(topic) ?? []) listener(message);
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<Unsubscribe> {
    let topicListeners = this.listeners.get(topic);
    if (!topicListeners) this.listeners.set(topic, (topicListeners = new Set()));
    topicListeners.add(listener);
    return () => topicListeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}
