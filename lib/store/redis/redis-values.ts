import type { KeyValueOperations } from '../key-value.types.js';
import { escapeGlob, storeKey } from '../store-keys.js';
import type { RedisChannel } from './redis-channel.js';

/** Values with a TTL in Redis: `<prefix>value:{<namespace>}:<key>`, set with PX. */
export class RedisValues implements KeyValueOperations {
  constructor(private readonly channel: RedisChannel) {}

  async set(namespace: string, key: string, value: string, ttlMs: number): Promise<void> {
    const storedAt = this.keyOf(namespace, key);
    await this.channel.call((client) => client.set(storedAt, value, 'PX', ttlMs));
  }

  async get(namespace: string, key: string): Promise<string | undefined> {
    const storedAt = this.keyOf(namespace, key);
    return (await this.channel.call((client) => client.get(storedAt))) ?? undefined;
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const storedAt = this.keyOf(namespace, key);
    return (await this.channel.call((client) => client.del(storedAt))) > 0;
  }

  async keys(namespace: string): Promise<string[]> {
    const base = this.keyOf(namespace, '');
    const found = await this.channel.scan(`${escapeGlob(base)}*`);
    return [...new Set(found)].map((storedAt) => storedAt.slice(base.length));
  }

  private keyOf(namespace: string, key: string): string {
    return storeKey(this.channel.keyPrefix, 'value', namespace, key);
  }
}
