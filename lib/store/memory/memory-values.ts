import { systemClock, type Clock } from '../../core/index.js';
import type { KeyValueOperations } from '../key-value.types.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/** Expired values are dropped when read, and all at once at most this often (no timer). */
const SWEEP_EVERY_MS = 30_000;

/** Values with a TTL in process memory, one map per namespace. */
export class MemoryValues implements KeyValueOperations {
  private readonly namespaces = new Map<string, Map<string, Entry>>();
  private nextSweepAt: number;

  constructor(private readonly clock: Clock = systemClock) {
    this.nextSweepAt = clock.now() + SWEEP_EVERY_MS;
  }

  set(namespace: string, key: string, value: string, ttlMs: number): Promise<void> {
    const now = this.clock.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    let entries = this.namespaces.get(namespace);
    if (entries === undefined) this.namespaces.set(namespace, (entries = new Map()));
    entries.set(key, { value, expiresAt: now + ttlMs });
    return Promise.resolve();
  }

  get(namespace: string, key: string): Promise<string | undefined> {
    return Promise.resolve(this.live(namespace, key)?.value);
  }

  delete(namespace: string, key: string): Promise<boolean> {
    const found = this.live(namespace, key) !== undefined;
    this.namespaces.get(namespace)?.delete(key);
    return Promise.resolve(found);
  }

  keys(namespace: string): Promise<string[]> {
    const now = this.clock.now();
    const entries = this.namespaces.get(namespace) ?? new Map<string, Entry>();
    const live = [...entries].filter(([, entry]) => entry.expiresAt > now);
    return Promise.resolve(live.map(([key]) => key));
  }

  clear(): void {
    this.namespaces.clear();
  }

  private live(namespace: string, key: string): Entry | undefined {
    const entries = this.namespaces.get(namespace);
    const entry = entries?.get(key);
    if (entry === undefined || entry.expiresAt > this.clock.now()) return entry;
    entries!.delete(key);
    return undefined;
  }

  private sweep(now: number): void {
    for (const [namespace, entries] of this.namespaces) {
      for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
      if (entries.size === 0) this.namespaces.delete(namespace);
    }
    this.nextSweepAt = now + SWEEP_EVERY_MS;
  }
}
