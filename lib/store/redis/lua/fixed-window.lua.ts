import { allowLua, type BucketBody } from './bucket.lua.js';

/**
 * Fixed window (the port of `fixed-window.ts`): a hash with one counter per window, named
 * by the window's start. A permit is one HINCRBY, taken back if it went over the limit;
 * the first permit of a window sets the TTL, which ends with the window (so the key never
 * holds an old window). A limit lowered by `reconfigure` leaves no permit, never a negative
 * count. Reads and replies as `bucket.lua.ts` says.
 *
 * The field is the start's 8 bytes as a double, and the cost goes to HINCRBY as its text
 * (`cost_text`): Redis formats a number passed to redis.call with sprintf, which costs more
 * than the HINCRBY itself.
 */
export const FIXED_WINDOW: BucketBody = {
  clock: 'number',
  lua: `
local limit = capacity
local start = now - (now % window)
local reset = start + window - now
local field = struct.pack('<d', start)
if cost == 0 then
  local count = tonumber(redis.call('HGET', key, field)) or 0
  -- A limit lowered since the window started may have fewer permits than were taken.
  if count > limit then return {0, 0, reset, reset} end
  ${allowLua('limit - count', 'reset')}
end
local count = redis.call('HINCRBY', key, field, cost_text)
if count > limit then
  count = redis.call('HINCRBY', key, field, -cost)
  if count == 0 then redis.call('HDEL', key, field) end
  return {0, math.max(0, limit - count), reset, reset}
end
if count == cost then redis.call('PEXPIRE', key, reset) end
${allowLua('limit - count', 'reset')}
`,
};
