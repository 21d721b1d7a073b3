import { allowLua, type BucketBody } from './bucket.lua.js';

/**
 * Token bucket (the port of `token-bucket.ts`): a string holding two doubles, tokens and
 * updated at (struct.pack: exact, and cheaper than formatting them as text), written with
 * its TTL in one SET, which is how long the bucket takes to fill. Here `window` is
 * `refillPerSecond` and `fill_ms` that TTL (`msToRefill(burst)`, computed by
 * `scriptArgs` in rate-limit-scripts.ts, so Redis need not format it). A read
 * (cost 0) of a key that does not exist writes nothing. Reads and replies as
 * `bucket.lua.ts` says.
 */
export const TOKEN_BUCKET: BucketBody = {
  clock: 'number',
  lua: `
local EPSILON = 1e-9
local burst = capacity
local per_ms = window / 1000
local ceil = math.ceil
local state = redis.call('GET', key)
local tokens, updated_at = burst, now
if state then tokens, updated_at = struct.unpack('<dd', state) end
if now > updated_at then
  tokens = math.min(burst, tokens + (now - updated_at) * per_ms)
  updated_at = now
elseif tokens > burst then
  tokens = burst -- a burst lowered by reconfigure
end
local allowed = tokens + EPSILON >= cost
if allowed then tokens = math.max(0, tokens - cost) end
-- msToRefill of token-bucket.ts, written out: a Lua function would be created per call
local reset = 0
if burst - tokens > EPSILON then reset = ceil((burst - tokens) / per_ms - EPSILON) end
if cost > 0 or state then
  if fill_ms ~= '0' then
    redis.call('SET', key, struct.pack('<dd', tokens, updated_at), 'PX', fill_ms)
  else
    redis.call('DEL', key)
  end
end
local remaining = math.floor(tokens + EPSILON)
if allowed then
  ${allowLua('remaining', 'reset')}
end
local retry = reset
if cost <= burst then
  retry = 0
  if cost - tokens > EPSILON then retry = ceil((cost - tokens) / per_ms - EPSILON) end
end
return {0, remaining, reset, retry}
`,
};
