/**
 * The helpers of the dead-letter script: keys, records, counts that follow every status
 * change, leasing, settling and listing. Every record is one JSON field of the `messages`
 * hash, so the queue is a fixed set of keys that each operation renews together: a queue
 * expires whole, never leaving a set that names a record already gone.
 */
export const DEAD_LETTER_STATE_LUA = `
local messages, due, leases, settled, all, counts, seq =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local now = clock_now(ARGV[2])
local ttl = tonumber(ARGV[3])

local function load(id)
  local text = redis.call('HGET', messages, id)
  if not text then return nil end
  return cjson.decode(text)
end

local function save(record)
  local text = cjson.encode(record)
  redis.call('HSET', messages, record.id, text)
  return text
end

local function renew_queue()
  for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ttl) end
end

local function count(kind, status, by)
  redis.call('HINCRBY', counts, status, by)
  redis.call('HINCRBY', counts, status .. '|' .. kind, by)
end

local function move(record, to)
  if record.status == to then return end
  count(record.type, record.status, -1)
  count(record.type, to, 1)
  record.status = to
end

local function lease_record(record, until_, token)
  local id = record.id
  redis.call('ZREM', due, id)
  redis.call('ZREM', settled, id)
  redis.call('ZADD', leases, until_, id)
  move(record, 'processing')
  record.leaseUntil, record.token = until_, token
  record.nextRetryAt, record.settledAt = nil, nil
  return save(record)
end

local function lease(id, until_, token)
  return lease_record(load(id), until_, token)
end

-- Its claim has ended, settled by its holder or run out.
local function end_lease(record)
  redis.call('ZREM', leases, record.id)
  record.token, record.leaseUntil = nil, nil
end

-- Succeeded or exhausted: it waits for purge.
local function finish(record, to)
  move(record, to)
  record.settledAt = now
  redis.call('ZADD', settled, now, record.id)
end

-- A message whose claim ran out: taken back (one stall more), or exhausted past the limit.
local function take_back(id, until_, token, max_stalls, err)
  local record = load(id)
  record.stalls = (record.stalls or 0) + 1
  if record.stalls <= max_stalls then return lease_record(record, until_, token) end
  end_lease(record)
  record.lastFailedAt, record.lastError = now, err
  finish(record, 'exhausted')
  save(record)
  return nil
end

local function settle(id, token, kind, err, delay)
  local record = load(id)
  if not record or record.status ~= 'processing' or record.token ~= token then return 0 end
  end_lease(record)
  if kind == 'failed' then
    record.attempts = record.attempts + 1
    record.lastFailedAt, record.lastError = now, err
  end
  if kind == 'succeeded' then
    finish(record, 'succeeded')
  elseif delay == '' then
    finish(record, 'exhausted')
  else
    local at = now + tonumber(delay)
    move(record, 'pending')
    record.nextRetryAt = at
    redis.call('ZADD', due, at, id)
  end
  save(record)
  return 1
end

local function list(from, scan, kind, status)
  local out = {}
  for _, id in ipairs(redis.call('ZREVRANGE', all, from, from + scan - 1)) do
    local text = redis.call('HGET', messages, id)
    local record = cjson.decode(text)
    if (kind == '' or record.type == kind) and (status == '' or record.status == status) then
      out[#out + 1] = text
    end
  end
  local nextFrom = from + scan
  if nextFrom >= redis.call('ZCARD', all) then nextFrom = -1 end
  return {nextFrom, out}
end
`;
