import { allowLua, type BucketBody } from './bucket.lua.js';

/**
 * Sliding window, exact (the port of `sliding-window-log.ts`): a list of the permits'
 * times, oldest first, never longer than the limit. Reads and replies as `bucket.lua.ts`
 * says.
 *
 * A permit is pushed first and taken back when it does not fit: RPUSH answers the length,
 * so an allowed permit (the common case) needs no LLEN. Times and the TTL go to Redis as
 * text (`stamp`, `window_text`), never as numbers it would format again.
 */
export const SLIDING_LOG: BucketBody = {
  clock: 'stamp',
  lua: `
local limit = capacity
local cutoff = now - window
while true do
  local oldest = redis.call('LINDEX', key, 0)
  if not oldest or tonumber(oldest) > cutoff then break end
  redis.call('LPOP', key)
end
local count
if cost == 0 then
  count = redis.call('LLEN', key)
elseif cost == 1 then
  count = redis.call('RPUSH', key, stamp) - 1
else
  local pushed = 0
  while pushed < cost do
    local batch = {}
    for i = 1, math.min(1000, cost - pushed) do batch[i] = stamp end
    count = redis.call('RPUSH', key, unpack(batch)) - cost
    pushed = pushed + #batch
  end
end
if count + cost <= limit then
  if cost == 0 then
    local reset = 0
    if count > 0 then reset = tonumber(redis.call('LINDEX', key, -1)) + window - now end
    ${allowLua('limit - count', 'reset')}
  end
  redis.call('PEXPIRE', key, window_text)
  ${allowLua('limit - count - cost', 'window')}
end
if cost > 0 then redis.call('LTRIM', key, 0, -cost - 1) end
local reset = 0
if count > 0 then reset = tonumber(redis.call('LINDEX', key, -1)) + window - now end
local retry = window
if cost <= limit then
  retry = tonumber(redis.call('LINDEX', key, count + cost - limit - 1)) + window - now
end
-- A limit lowered by reconfigure may leave more entries than it allows: none remain.
return {0, math.max(0, limit - count), reset, retry}
`,
};
