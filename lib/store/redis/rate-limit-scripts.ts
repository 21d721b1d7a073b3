import type { RateLimitAlgorithm, RateLimitRule } from '../../core/index.js';
import { msToRefill } from '../../core/rate-limit/token-bucket.js';
import { bucketBatchScript, bucketScript, type BucketBody } from './lua/bucket.lua.js';
import { FIXED_WINDOW } from './lua/fixed-window.lua.js';
import { SLIDING_COUNTER } from './lua/sliding-counter.lua.js';
import { SLIDING_LOG } from './lua/sliding-log.lua.js';
import { TOKEN_BUCKET } from './lua/token-bucket.lua.js';
import { LuaScript } from './lua-script.js';

/** An algorithm's scripts: one decision per call, and a batch of decisions per call. */
export interface RateLimitScript {
  readonly one: LuaScript;
  readonly batch: LuaScript;
}

function scriptsOf(body: BucketBody): RateLimitScript {
  return {
    one: new LuaScript(bucketScript(body.lua, body.clock)),
    batch: new LuaScript(bucketBatchScript(body.lua, body.clock)),
  };
}

const counter = scriptsOf(SLIDING_COUNTER);

/** Scripts per algorithm, so each call runs only its own arithmetic. */
export const RATE_LIMIT_SCRIPTS: Readonly<Record<RateLimitAlgorithm, RateLimitScript>> = {
  'fixed-window': scriptsOf(FIXED_WINDOW),
  'sliding-window': scriptsOf(SLIDING_LOG),
  'sliding-window-counter': counter,
  adaptive: counter,
  'token-bucket': scriptsOf(TOKEN_BUCKET),
};

/** Every rate-limit script, once each (to cache them on a server). */
export const ALL_RATE_LIMIT_SCRIPTS: readonly LuaScript[] = [
  ...new Set(Object.values(RATE_LIMIT_SCRIPTS)),
].flatMap((scripts) => [scripts.one, scripts.batch]);

/**
 * The ARGV of a rate-limit script: capacity, window (or refill rate), cost, time; for the
 * token bucket also how long an empty bucket takes to fill (its key's TTL), computed here
 * with the in-memory bucket's `msToRefill`, so Redis need not format a number for it.
 */
export function scriptArgs(rule: RateLimitRule, cost: number, now: string): (number | string)[] {
  if (rule.algorithm !== 'token-bucket') return [rule.limit, rule.windowMs, cost, now];
  const { burst, refillPerSecond } = rule;
  return [burst, refillPerSecond, cost, now, msToRefill(burst, refillPerSecond / 1000)];
}
