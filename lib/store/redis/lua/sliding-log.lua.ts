import { BUCKET_LUA } from './clock.lua.js';

/**
 * Sliding window, exact (the port of `sliding-window-log.ts`): a list of the permits'
 * times, oldest first, never longer than the limit. Returns { allowed (0/1), remaining,
 * resetMs, retryAfterMs }.
 */
export const SLIDING_LOG_LUA = `${BUCKET_LUA}
local limit = capacity
local cutoff = now - window
while true do
  local oldest = redis.call('LINDEX', key, 0)
  if not oldest or tonumber(oldest) > cutoff then break end
  redis.call('LPOP', key)
end
local count = redis.call('LLEN', key)
if count + cost <= limit and cost > 0 then
  local stamp = now
  local pushed = 0
  while pushed < cost do
    local batch = {}
    for i = 1, math.min(1000, cost - pushed) do batch[i] = stamp end
    redis.call('RPUSH', key, unpack(batch))
    pushed = pushed + #batch
  end
  redis.call('PEXPIRE', key, window)
  return {1, limit - count - cost, window, 0}
end
local reset = 0
if count > 0 then reset = tonumber(redis.call('LINDEX', key, -1)) + window - now end
if count + cost <= limit then return {1, limit - count, reset, 0} end
local retry = window
if cost <= limit then
  retry = tonumber(redis.call('LINDEX', key, count + cost - limit - 1)) + window - now
end
-- A limit lowered by reconfigure may leave more entries than it allows: none remain.
return {0, math.max(0, limit - count), reset, retry}
`;
