import type { CacheScope, FallbackPolicy } from '../core/fallback/index.js';
import type { Cleanable, CleanupLevel } from '../core/memory/index.js';

/** Which cached results each level drops: past their stale TTL, past their TTL, all. */
const SCOPE: Record<CleanupLevel, CacheScope> = {
  standard: 'expired',
  critical: 'stale',
  emergency: 'all',
};

/**
 * The last-good-result caches of every fallback policy the module created, as one
 * cleanable: age-based first (expired, then stale entries), everything in an emergency.
 */
export class FallbackCachesCleanable implements Cleanable {
  readonly name = 'fallback caches';
  readonly priority = 10;
  private readonly policies = new Set<FallbackPolicy>();

  add(policy: FallbackPolicy): void {
    this.policies.add(policy);
  }

  cleanup(level: CleanupLevel): number {
    let dropped = 0;
    for (const policy of this.policies) dropped += policy.pruneCache(SCOPE[level]);
    return dropped;
  }

  /** Cached results held, across every policy. */
  size(): number {
    let size = 0;
    for (const policy of this.policies) size += policy.cachedResults;
    return size;
  }
}
