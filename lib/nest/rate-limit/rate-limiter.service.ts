import { Injectable } from '@nestjs/common';
import { capacityOf, type RateLimitAlgorithm } from '../../core/index.js';
import { ResilienceService } from '../resilience.service.js';

/** One key's standing with a rate limiter (`RateLimiterService.getStatus`). */
export interface RateLimitStatus {
  name: string;
  key: string;
  algorithm: RateLimitAlgorithm;
  /** The configured limit per window (a token bucket's capacity). */
  limit: number;
  /** The limit in force now: the adaptive (AIMD) limit; `limit` for the other algorithms. */
  currentLimit: number;
  /** Permits `key` has left now. */
  remaining: number;
  /** Milliseconds until `key`'s window or bucket is fully reset. */
  resetMs: number;
  /** Adaptive: the share of guarded calls that succeeded in the current window (0–1); else `null`. */
  successRate: number | null;
}

/**
 * Reads and resets the app's rate limiters by name: a named policy's limiter, a `name`
 * option, or `Class.method` for a decorated method's own limiter.
 *
 * @example
 * ```ts
 * const status = await rateLimits.getStatus('search', `${ip}:search`);
 * await rateLimits.reset('search'); // every key, and the adaptive limit
 * ```
 */
@Injectable()
export class RateLimiterService {
  constructor(private readonly resilience: ResilienceService) {}

  /**
   * `key`'s status, read without taking a permit (from the store the limiter uses); by
   * default the key of a decorated provider method, which is the limiter's name (on a
   * controller it is `<client ip>:<name>` unless a key function says otherwise).
   * `undefined` for an unknown limiter. Rejects with `StoreUnavailableError` when the store
   * fails and the limiter fails closed.
   */
  async getStatus(name: string, key: string = name): Promise<RateLimitStatus | undefined> {
    const limiter = this.resilience.limiter(name);
    if (!limiter) return undefined;
    const { remaining, resetMs } = await limiter.consume(key, 0);
    const { algorithm, effectiveLimit, successRate } = limiter.stats();
    const limit = capacityOf(limiter.rule);
    return {
      name,
      key,
      algorithm,
      limit,
      currentLimit: effectiveLimit,
      remaining,
      resetMs,
      successRate,
    };
  }

  /**
   * Forgets `key`'s bucket, or with no key every bucket of the limiter and its adaptive
   * limit (in the store, for every process). False for an unknown limiter.
   */
  async reset(name: string, key?: string): Promise<boolean> {
    const limiter = this.resilience.limiter(name);
    if (!limiter) return false;
    await limiter.reset(key);
    return true;
  }
}
