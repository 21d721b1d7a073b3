import { BUCKET_LUA } from './clock.lua.js';

/**
 * Fixed window (the port of `fixed-window.ts`): a hash with one counter per window, named
 * by the window's start. A permit is one HINCRBY, taken back if it went over the limit;
 * the first permit of a window sets the TTL, which ends with the window (so the key never
 * holds an old window). A limit lowered by `reconfigure` leaves no permit, never a negative
 * count. Returns { allowed (0/1), remaining, resetMs, retryAfterMs }.
 */
export const FIXED_WINDOW_LUA = `${BUCKET_LUA}
local limit = capacity
local start = now - (now % window)
local reset = start + window - now
if cost == 0 then
  local count = tonumber(redis.call('HGET', key, start)) or 0
  -- A limit lowered since the window started may have fewer permits than were taken.
  if count > limit then return {0, 0, reset, reset} end
  return {1, limit - count, reset, 0}
end
local count = redis.call('HINCRBY', key, start, cost)
if count > limit then
  count = redis.call('HINCRBY', key, start, -cost)
  if count == 0 then redis.call('HDEL', key, start) end
  return {0, math.max(0, limit - count), reset, reset}
end
if count == cost then redis.call('PEXPIRE', key, reset) end
return {1, limit - count, reset, 0}
`;
