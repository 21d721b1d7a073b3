import type { RateLimitDecision } from '../../core/index.js';

/** The IETF draft `RateLimit-*` headers for a decision (reset in seconds). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(Math.max(0, decision.remaining)),
    'RateLimit-Reset': String(Math.max(0, Math.ceil(decision.resetMs / 1000))),
  };
}
