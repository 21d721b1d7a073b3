/**
 * Values with a time to live, grouped in namespaces (checkpoints, cached results ...).
 * Values are strings: callers serialize. An expired value is gone: `get` answers
 * `undefined` and `keys` leaves it out.
 */
export interface KeyValueOperations {
  /** Stores `value` under `key` for `ttlMs` (a whole number of milliseconds > 0). */
  set(namespace: string, key: string, value: string, ttlMs: number): Promise<void>;
  get(namespace: string, key: string): Promise<string | undefined>;
  /** True when there was a live value to delete. */
  delete(namespace: string, key: string): Promise<boolean>;
  /** The keys of the namespace's live values, in no particular order. */
  keys(namespace: string): Promise<string[]>;
}
