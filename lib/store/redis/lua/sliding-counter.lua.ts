import { allowLua, type BucketBody } from './bucket.lua.js';

/**
 * Sliding window, approximate (the port of `sliding-window-counter.ts`, also `adaptive`):
 * hash { ws: window start, cur, prev }. Within a window a permit only adds to `cur`; the
 * TTL moves only when the time the state counts nothing moves. Reads and replies as
 * `bucket.lua.ts` says.
 */
export const SLIDING_COUNTER: BucketBody = {
  clock: 'number',
  lua: `
local limit = capacity
local state = redis.call('HMGET', key, 'ws', 'cur', 'prev')
local start = tonumber(state[1]) or (now - (now % window))
local current = tonumber(state[2]) or 0
local previous = tonumber(state[3]) or 0
local function reset_at(s, c, p, otherwise)
  if c > 0 then return s + 2 * window end
  if p > 0 then return s + window end
  return otherwise
end
local was_reset_at = reset_at(start, current, previous, nil)
local passed = math.floor((now - start) / window)
if passed > 0 then
  if passed == 1 then previous = current else previous = 0 end
  current = 0
  start = start + passed * window
end
local elapsed = now - start
local function remaining()
  local used = current + (previous * (window - elapsed)) / window
  return math.max(0, math.floor(limit - used))
end
local room = limit - current - cost
if room >= 0 and previous * (window - elapsed) <= room * window then
  current = current + cost
  local expires_at = reset_at(start, current, previous, now)
  if cost > 0 then
    if passed > 0 or not state[1] then
      redis.call('HSET', key, 'ws', start, 'cur', current, 'prev', previous)
    else
      redis.call('HINCRBY', key, 'cur', cost_text)
    end
    if expires_at ~= was_reset_at then redis.call('PEXPIRE', key, math.ceil(expires_at - now)) end
  end
  ${allowLua('remaining()', 'expires_at - now')}
end
local retry = window
if cost <= limit then
  if room >= 0 then
    retry = window - math.floor((room * window) / previous) - elapsed
  else
    local into_next = 0
    if current > 0 then into_next = window - math.floor(((limit - cost) * window) / current) end
    retry = window - elapsed + into_next
  end
end
return {0, remaining(), reset_at(start, current, previous, now) - now, retry}
`,
};
