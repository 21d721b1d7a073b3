import type { Clock } from '../clock/clock.js';

/** Cache settings with defaults applied. */
export interface LastGoodResultCacheSettings {
  readonly ttlMs: number;
  readonly staleTtlMs: number;
  readonly maxEntries: number;
}

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
    readonly settings: LastGoodResultCacheSettings,
    private readonly clock: Clock,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  store(key: string, value: unknown): void {
    // Re-inserting moves the key to the end of the Map's order: "oldest" means stored longest ago.
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.clock.now() });
    if (this.entries.size > this.settings.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  lookup(key: string): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ageMs = this.clock.now() - entry.storedAt;
    const { ttlMs, staleTtlMs } = this.settings;
    if (ageMs < ttlMs) return { value: entry.value, ageMs, fresh: true };
    if (ageMs < ttlMs + staleTtlMs) return { value: entry.value, ageMs, fresh: false };
    this.entries.delete(key);
    return undefined;
  }
}
