import type { RateLimitAlgorithm, RateLimitRule } from '../../core/index.js';
import { FIXED_WINDOW_LUA } from './lua/fixed-window.lua.js';
import { SLIDING_COUNTER_LUA } from './lua/sliding-counter.lua.js';
import { SLIDING_LOG_LUA } from './lua/sliding-log.lua.js';
import { TOKEN_BUCKET_LUA } from './lua/token-bucket.lua.js';
import { LuaScript } from './lua-script.js';

const counter = new LuaScript(SLIDING_COUNTER_LUA);

/** One script per algorithm, so each call runs only its own arithmetic. */
export const RATE_LIMIT_SCRIPTS: Readonly<Record<RateLimitAlgorithm, LuaScript>> = {
  'fixed-window': new LuaScript(FIXED_WINDOW_LUA),
  'sliding-window': new LuaScript(SLIDING_LOG_LUA),
  'sliding-window-counter': counter,
  adaptive: counter,
  'token-bucket': new LuaScript(TOKEN_BUCKET_LUA),
};

/** Token-bucket refill arithmetic absorbs rounding with this, as `token-bucket.ts` does. */
const EPSILON = 1e-9;

/**
 * The ARGV of a rate-limit script: capacity, window (or refill rate), cost, time; for the
 * token bucket also how long an empty bucket takes to fill (its key's TTL), computed here
 * as the script would (`msToRefill(burst)` of token-bucket.ts, on the same doubles) and
 * sent as text, which Redis takes as it is.
 */
export function scriptArgs(rule: RateLimitRule, cost: number, now: string): (number | string)[] {
  if (rule.algorithm !== 'token-bucket') return [rule.limit, rule.windowMs, cost, now];
  const { burst, refillPerSecond } = rule;
  const fillMs = burst <= EPSILON ? 0 : Math.ceil(burst / (refillPerSecond / 1000) - EPSILON);
  return [burst, refillPerSecond, cost, now, fillMs];
}
