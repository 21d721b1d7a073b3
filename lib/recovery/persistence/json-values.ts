import type { KeyValueOperations } from '../../store/key-value.types.js';

/**
 * JSON values in one namespace of the app's store (`ResilienceStore.values`), each with a
 * time to live: what checkpoints and the learned recovery table keep there.
 */
export class JsonValues {
  constructor(
    private readonly values: KeyValueOperations,
    private readonly namespace: string,
  ) {}

  /** The value, or `undefined` when the key is unknown or expired. */
  async get(key: string): Promise<unknown> {
    const text = await this.values.get(this.namespace, key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Stores `value` as JSON for `ttlMs` (rounded up to a whole millisecond). */
  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    return this.values.set(this.namespace, key, JSON.stringify(value), ttl);
  }

  /** True when there was a live value to delete. */
  delete(key: string): Promise<boolean> {
    return this.values.delete(this.namespace, key);
  }

  /** The keys of the live values. */
  keys(): Promise<string[]> {
    return this.values.keys(this.namespace);
  }
}
