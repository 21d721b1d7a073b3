import type { Clock } from '../../core/index.js';
import type { ResilienceStore } from '../resilience-store.js';
import { StoreEventSource } from '../store-event-source.js';
import { RedisBreakers, BREAKER_SCRIPT } from './redis-breakers.js';
import { RedisChannel } from './redis-channel.js';
import { DEAD_LETTER_SCRIPT, RedisDeadLetters } from './redis-dead-letters.js';
import type { RedisConnection } from './redis-connection.js';
import { ALL_RATE_LIMIT_SCRIPTS } from './rate-limit-scripts.js';
import { RedisRateLimits } from './redis-rate-limits.js';
import { RedisMessages } from './redis-messages.js';
import { RedisValues } from './redis-values.js';

/** Options of a {@link RedisStore}. */
export interface RedisStoreSettings {
  /** Prepended to every key. Default `bulwark:`. */
  keyPrefix?: string;
  /** A command that has not answered after this long fails. Default 1 000. */
  storeTimeoutMs?: number;
  /** Close the client with the store. Default false: a client passed in stays its owner's. */
  ownsClient?: boolean;
  /** Test only: windows use this clock instead of the Redis server's. */
  clock?: Clock;
}

/**
 * Shared state in Redis, through an ioredis `Redis` or `Cluster` client. Every operation
 * is one script call (one round trip), on the server's clock, and every key has a TTL.
 * Reachability is reported once per outage (`unavailable`, then `available`).
 */
export class RedisStore extends StoreEventSource implements ResilienceStore {
  readonly kind = 'redis';
  readonly distributed = true;
  readonly rateLimits: RedisRateLimits;
  readonly breakers: RedisBreakers;
  readonly values: RedisValues;
  readonly messages: RedisMessages;
  readonly deadLetters: RedisDeadLetters;
  private readonly channel: RedisChannel;
  private prepared: Promise<void> = Promise.resolve();
  private readonly onError = (error: unknown): void => this.channel.reportFailure(error);
  private readonly onReady = (): void => this.prepare();

  constructor(
    private readonly client: RedisConnection,
    private readonly options: RedisStoreSettings = {},
  ) {
    super();
    this.channel = new RedisChannel(
      client,
      options.keyPrefix ?? 'bulwark:',
      options.storeTimeoutMs ?? 1_000,
      {
        failed: (error) => this.events.emit('unavailable', { error }),
        recovered: () => this.events.emit('available', {}),
      },
      options.clock,
    );
    this.rateLimits = new RedisRateLimits(this.channel);
    this.breakers = new RedisBreakers(this.channel);
    this.values = new RedisValues(this.channel);
    this.messages = new RedisMessages(this.channel);
    this.deadLetters = new RedisDeadLetters(this.channel);
    client.on('error', this.onError);
    client.on('ready', this.onReady);
    if (client.status === 'ready') this.prepare();
  }

  /**
   * Resolves `true` once the client is connected and the scripts are cached, or `false`
   * after `timeoutMs` (start-up need not wait for a Redis that is down: until it answers,
   * each policy follows its `onStoreFailure`).
   */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return this.prepared.then(() => true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const onReady = (): void => void this.prepared.then(() => finish(true));
      const finish = (ready: boolean): void => {
        clearTimeout(timer);
        this.client.removeListener('ready', onReady);
        resolve(ready);
      };
      this.client.on('ready', onReady);
    });
  }

  async close(): Promise<void> {
    this.client.removeListener('error', this.onError);
    this.client.removeListener('ready', this.onReady);
    this.channel.stop();
    await this.messages.close();
    this.events.removeAllListeners();
    if (!this.options.ownsClient) return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private prepare(): void {
    this.channel.reportAnswer();
    // A failed load is harmless: a script missing on a server is sent again on NOSCRIPT.
    const scripts = [...ALL_RATE_LIMIT_SCRIPTS, BREAKER_SCRIPT, DEAD_LETTER_SCRIPT];
    this.prepared = this.channel.load(scripts).catch(() => undefined);
  }
}
