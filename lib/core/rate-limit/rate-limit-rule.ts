import type { RateLimitAlgorithm, RateLimitOptions } from './rate-limit.options.js';

/**
 * The resolved, validated settings an algorithm needs: every default filled in. It is
 * plain data, so a shared store can send it to a server-side script.
 */
export interface RateLimitRule {
  readonly algorithm: RateLimitAlgorithm;
  /** Permits per window; for `adaptive`, the current (effective) limit. */
  readonly limit: number;
  readonly windowMs: number;
  /** Token bucket capacity. */
  readonly burst: number;
  /** Token bucket refill rate, tokens per second. */
  readonly refillPerSecond: number;
  readonly adaptiveThreshold: number;
  readonly backoffFactor: number;
  /** Permits the adaptive limit gains per healthy window. */
  readonly recoveryStep: number;
  readonly minLimit: number;
}

/** The key of calls that give none. */
export const DEFAULT_RATE_LIMIT_KEY = 'default';

/** Defaults of {@link RateLimitOptions} (DESIGN §4a). */
export const RATE_LIMIT_DEFAULTS = {
  name: 'rate-limit',
  limit: 100,
  windowMs: 60_000,
  algorithm: 'sliding-window',
  adaptiveThreshold: 0.8,
  backoffFactor: 0.7,
  /** The adaptive limit's default step: this share of `limit` (at least one permit). */
  recoveryStepShare: 0.1,
  minLimit: 1,
  onStoreFailure: 'local',
} as const;

/** Fills in every default (with `??`, so a deliberate `0` is never replaced). */
export function resolveRateLimitRule(options: RateLimitOptions = {}): RateLimitRule {
  const limit = options.limit ?? RATE_LIMIT_DEFAULTS.limit;
  const windowMs = options.windowMs ?? RATE_LIMIT_DEFAULTS.windowMs;
  return {
    algorithm: options.algorithm ?? RATE_LIMIT_DEFAULTS.algorithm,
    limit,
    windowMs,
    burst: options.burst ?? limit,
    refillPerSecond: options.refillPerSecond ?? limit / (windowMs / 1000),
    adaptiveThreshold: options.adaptiveThreshold ?? RATE_LIMIT_DEFAULTS.adaptiveThreshold,
    backoffFactor: options.backoffFactor ?? RATE_LIMIT_DEFAULTS.backoffFactor,
    recoveryStep:
      options.recoveryStep ?? Math.max(1, limit * RATE_LIMIT_DEFAULTS.recoveryStepShare),
    minLimit: Math.min(options.minLimit ?? RATE_LIMIT_DEFAULTS.minLimit, limit),
  };
}

/** The most permits one key can hold: the bucket's capacity, or the limit per window. */
export function capacityOf(rule: RateLimitRule): number {
  return rule.algorithm === 'token-bucket' ? rule.burst : rule.limit;
}
