import type { Unsubscribe } from '../core/index.js';

/**
 * Messages between the processes that share a store (runtime policy changes ...). Delivery
 * is best effort, to the processes connected at that moment: what must outlive a process
 * is also written with `values`.
 */
export interface MessageOperations {
  publish(topic: string, message: string): Promise<void>;
  /** Resolves once subscribed; the listener gets every later message of the topic. */
  subscribe(topic: string, listener: (message: string) => void): Promise<Unsubscribe>;
}
