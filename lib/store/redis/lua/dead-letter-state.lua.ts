/**
 * The helpers of the dead-letter script: keys, counts that follow every status change,
 * leasing, settling and listing. Message hashes are `<base>:m:<id>`, in the same hash slot
 * as the queue's sets.
 */
export const DEAD_LETTER_STATE_LUA = `
local base, due, leases, settled, all, counts, seq =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local now = clock_now(ARGV[2])

local function mkey(id) return base .. ':m:' .. id end

local function count(kind, status, by)
  redis.call('HINCRBY', counts, status, by)
  redis.call('HINCRBY', counts, status .. '|' .. kind, by)
end

local function move(key, to)
  local fields = redis.call('HMGET', key, 'type', 'status')
  if fields[2] == to then return end
  count(fields[1], fields[2], -1)
  count(fields[1], to, 1)
  redis.call('HSET', key, 'status', to)
end

local function lease(id, until_, token)
  local key = mkey(id)
  redis.call('ZREM', due, id)
  redis.call('ZREM', settled, id)
  redis.call('ZADD', leases, until_, id)
  move(key, 'processing')
  redis.call('HSET', key, 'leaseUntil', until_, 'token', token)
  redis.call('HDEL', key, 'nextRetryAt', 'settledAt')
  return redis.call('HGETALL', key)
end

local function settle(id, token, kind, err, delay)
  local key = mkey(id)
  local held = redis.call('HMGET', key, 'status', 'token')
  if held[1] ~= 'processing' or held[2] ~= token then return 0 end
  redis.call('ZREM', leases, id)
  redis.call('HDEL', key, 'token', 'leaseUntil')
  if kind == 'failed' then
    redis.call('HINCRBY', key, 'attempts', 1)
    redis.call('HSET', key, 'lastFailedAt', now, 'lastError', err)
  end
  if kind == 'succeeded' or delay == '' then
    local to = 'exhausted'
    if kind == 'succeeded' then to = 'succeeded' end
    move(key, to)
    redis.call('HSET', key, 'settledAt', now)
    redis.call('ZADD', settled, now, id)
  else
    local at = now + tonumber(delay)
    move(key, 'pending')
    redis.call('HSET', key, 'nextRetryAt', at)
    redis.call('ZADD', due, at, id)
  end
  return 1
end

local function list(from, scan, kind, status)
  local out = {}
  for _, id in ipairs(redis.call('ZREVRANGE', all, from, from + scan - 1)) do
    local key = mkey(id)
    local fields = redis.call('HMGET', key, 'type', 'status')
    if (kind == '' or fields[1] == kind) and (status == '' or fields[2] == status) then
      out[#out + 1] = redis.call('HGETALL', key)
    end
  end
  local nextFrom = from + scan
  if nextFrom >= redis.call('ZCARD', all) then nextFrom = -1 end
  return {nextFrom, out}
end
`;
