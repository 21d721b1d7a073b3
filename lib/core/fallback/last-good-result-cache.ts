import type { Clock } from '../clock/clock.js';

/** Cache settings with defaults applied. */
export interface LastGoodResultCacheSettings {
  readonly ttlMs: number;
  readonly staleTtlMs: number;
  readonly maxEntries: number;
}

/** Which entries a prune drops: those past both TTLs, those past `ttlMs` (stale too), or all. */
export type CacheScope = 'expired' | 'stale' | 'all';

/** A cached result and how old it is. */
export interface CachedResult {
  readonly value: unknown;
  readonly ageMs: number;
  /** False once older than `ttlMs` (but still within `staleTtlMs` more). */
  readonly fresh: boolean;
}

/**
 * The last successful result per key. Fresh for `ttlMs`, then stale for `staleTtlMs`
 * more, then gone. Holds at most `maxEntries` keys: storing a new key beyond that evicts
 * the one stored longest ago, so a key per user or per tenant cannot grow it without bound.
 */
export class LastGoodResultCache {
  private readonly entries = new Map<string, { value: unknown; storedAt: number }>();

  constructor(
    private current: LastGoodResultCacheSettings,
    private readonly clock: Clock,
  ) {}

  get settings(): LastGoodResultCacheSettings {
    return this.current;
  }

  /**
   * Takes new settings, keeping the entries: the new `ttlMs` and `staleTtlMs` judge them by
   * their age, and a lower `maxEntries` evicts the ones stored longest ago.
   */
  resize(settings: LastGoodResultCacheSettings): void {
    this.current = settings;
    while (this.entries.size > settings.maxEntries) this.evictOldest();
  }

  get size(): number {
    return this.entries.size;
  }

  store(key: string, value: unknown): void {
    // Re-inserting moves the key to the end of the Map's order: "oldest" means stored longest ago.
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.clock.now() });
    if (this.entries.size > this.current.maxEntries) this.evictOldest();
  }

  lookup(key: string): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ageMs = this.clock.now() - entry.storedAt;
    const { ttlMs, staleTtlMs } = this.current;
    if (ageMs < ttlMs) return { value: entry.value, ageMs, fresh: true };
    if (ageMs < ttlMs + staleTtlMs) return { value: entry.value, ageMs, fresh: false };
    this.entries.delete(key);
    return undefined;
  }

  /** Drops the entries `scope` names, judged by their age; returns how many. */
  prune(scope: CacheScope): number {
    const now = this.clock.now();
    const { ttlMs, staleTtlMs } = this.current;
    const maxAgeMs = scope === 'all' ? -Infinity : scope === 'stale' ? ttlMs : ttlMs + staleTtlMs;
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (now - entry.storedAt < maxAgeMs) continue;
      this.entries.delete(key);
      dropped++;
    }
    return dropped;
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
