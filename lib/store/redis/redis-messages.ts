import type { Unsubscribe } from '../../core/index.js';
import type { MessageOperations } from '../message.types.js';
import type { RedisChannel } from './redis-channel.js';

/** The publish/subscribe part of an ioredis `Redis` or `Cluster` client. */
interface PubSubConnection {
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  duplicate(): PubSubConnection;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error' | 'ready', listener: () => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  readonly status: string;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/**
 * Redis pub/sub under the store's key prefix. Subscriptions use one extra connection of
 * ours (a subscribed connection can send nothing else), opened on the first subscribe,
 * re-subscribed by ioredis after a reconnect, and closed with the store.
 */
export class RedisMessages implements MessageOperations {
  private subscriber?: PubSubConnection;
  private readonly listeners = new Map<string, Set<(message: string) => void>>();

  constructor(private readonly channel: RedisChannel) {}

  async publish(topic: string, message: string): Promise<void> {
    const name = this.nameOf(topic);
    await this.channel.call((client) =>
      (client as unknown as PubSubConnection).publish(name, message),
    );
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<Unsubscribe> {
    const name = this.nameOf(topic);
    let topicListeners = this.listeners.get(name);
    if (!topicListeners) {
      this.listeners.set(name, (topicListeners = new Set()));
      const subscriber = this.connection();
      // The connection has no offline queue: a command sent before it is ready fails.
      if (subscriber.status !== 'ready')
        await new Promise<void>((resolve) => subscriber.once('ready', resolve));
      await subscriber.subscribe(name);
    }
    topicListeners.add(listener);
    return () => topicListeners.delete(listener);
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.listeners.clear();
    if (!subscriber) return;
    try {
      await subscriber.quit();
    } catch {
      subscriber.disconnect();
    }
  }

  private connection(): PubSubConnection {
    if (this.subscriber) return this.subscriber;
    const subscriber = (this.channel.client as unknown as PubSubConnection).duplicate();
    // Errors surface through the main connection's outage reporting; don't crash on them.
    subscriber.on('error', () => undefined);
    subscriber.on('message', (name: string, message: string) => {
      for (const listener of this.listeners.get(name) ?? []) listener(message);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private nameOf(topic: string): string {
    return `${this.channel.keyPrefix}messages:${topic}`;
  }
}
