import { BUCKET_LUA } from './clock.lua.js';

/**
 * Token bucket (the port of `token-bucket.ts`): hash { t: tokens, u: updated at }; the TTL
 * is how long the bucket takes to fill. Here ARGV[2] is `refillPerSecond`. A read (cost 0)
 * of a key that does not exist writes nothing. Returns { allowed (0/1), remaining, resetMs,
 * retryAfterMs }.
 */
export const TOKEN_BUCKET_LUA = `${BUCKET_LUA}
local EPSILON = 1e-9
local function num(value) return string.format('%.17g', value) end
local burst = capacity
local per_ms = window / 1000
local function ms_to_refill(tokens)
  if tokens <= EPSILON then return 0 end
  return math.ceil(tokens / per_ms - EPSILON)
end
local state = redis.call('HMGET', key, 't', 'u')
local tokens = tonumber(state[1]) or burst
local updated_at = tonumber(state[2]) or now
if now > updated_at then
  tokens = math.min(burst, tokens + (now - updated_at) * per_ms)
  updated_at = now
elseif tokens > burst then
  tokens = burst -- a burst lowered by reconfigure
end
local allowed = tokens + EPSILON >= cost
if allowed then tokens = math.max(0, tokens - cost) end
local reset = ms_to_refill(burst - tokens)
if cost > 0 or state[1] then
  redis.call('HSET', key, 't', num(tokens), 'u', updated_at)
  redis.call('PEXPIRE', key, ms_to_refill(burst))
end
local remaining = math.floor(tokens + EPSILON)
if allowed then return {1, remaining, reset, 0} end
local retry = reset
if cost <= burst then retry = ms_to_refill(cost - tokens) end
return {0, remaining, reset, retry}
`;
