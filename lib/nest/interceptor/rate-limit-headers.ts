import type { HttpServer } from '@nestjs/common';
import type { RateLimitDecision } from '../../core/index.js';

/** The IETF draft `RateLimit-*` headers for a decision (reset in seconds). */
export function setRateLimitHeaders(
  adapter: HttpServer,
  response: unknown,
  decision: RateLimitDecision,
): void {
  adapter.setHeader(response, 'RateLimit-Limit', String(decision.limit));
  adapter.setHeader(response, 'RateLimit-Remaining', String(Math.max(0, decision.remaining)));
  adapter.setHeader(
    response,
    'RateLimit-Reset',
    String(Math.max(0, Math.ceil(decision.resetMs / 1000))),
  );
}
