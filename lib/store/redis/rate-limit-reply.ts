import type { RateLimitDecision } from '../../core/index.js';

/** What a rate-limit script answers (see `lua/bucket.lua.ts`). */
export type RateLimitReply =
  number | [allowed: number, remaining: number, resetMs: number, retryAfterMs: number];

/** `remaining * PACKED_RESET + resetMs`: an allowed permit's reply when both fit exactly. */
const PACKED_RESET = 2 ** 31;

/** The decision a rate-limit script's reply stands for; `limit` is the rule's capacity. */
export function decisionOf(reply: RateLimitReply, limit: number): RateLimitDecision {
  if (typeof reply === 'number') {
    const resetMs = reply % PACKED_RESET;
    const remaining = (reply - resetMs) / PACKED_RESET;
    return { allowed: true, limit, remaining, resetMs, retryAfterMs: 0 };
  }
  const [allowed, remaining, resetMs, retryAfterMs] = reply;
  return { allowed: allowed === 1, limit, remaining, resetMs, retryAfterMs };
}
