import { CLOCK_LUA } from './clock.lua.js';
import { DEAD_LETTER_STATE_LUA } from './dead-letter-state.lua.js';

/**
 * Every dead-letter operation in one script (loaded once). KEYS: messages (a JSON record
 * per id), due (pending by due time), leases (processing by lease end), settled (by settle
 * time), all (by insertion sequence), counts (by status and `status|type`), seq. ARGV[1]
 * names the operation, ARGV[2] is the time ('' for the server's clock), ARGV[3] the TTL
 * that each operation renews on every key, ARGV[4..] its arguments.
 *
 * A claim first takes messages whose lease ran out (their process died or hung), then due
 * ones, so nothing claimed is ever outside a set: a crash leaves it recoverable
 * (the "reliable queue" pattern). Only the holder of a claim's token settles it.
 */
export const DEAD_LETTER_LUA = `${CLOCK_LUA}${DEAD_LETTER_STATE_LUA}
local op = ARGV[1]

local function run()
  if op == 'add' then
    local id, kind, body = ARGV[4], ARGV[5], ARGV[6]
    local text = save({ id = id, type = kind, body = body, status = 'pending', attempts = 0,
      stalls = 0, firstFailedAt = now, lastFailedAt = now, nextRetryAt = now })
    redis.call('ZADD', due, now, id)
    redis.call('ZADD', all, redis.call('INCR', seq), id)
    count(kind, 'pending', 1)
    return text
  elseif op == 'claim' then
    local limit, until_, token = tonumber(ARGV[4]), now + tonumber(ARGV[5]), ARGV[6]
    local max_stalls, stalled_error = tonumber(ARGV[7]), ARGV[8]
    local out = {}
    for _, id in ipairs(redis.call('ZRANGEBYSCORE', leases, '-inf', now, 'LIMIT', 0, limit)) do
      local text = take_back(id, until_, token, max_stalls, stalled_error)
      if text then out[#out + 1] = text end
    end
    local left = limit - #out
    if left > 0 then
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', due, '-inf', now, 'LIMIT', 0, left)) do
        out[#out + 1] = lease(id, until_, token)
      end
    end
    return out
  elseif op == 'claimById' then
    local id, until_, token = ARGV[4], now + tonumber(ARGV[5]), ARGV[6]
    local record = load(id)
    if not record then return {'unknown'} end
    if record.status == 'succeeded' then return {'succeeded'} end
    if record.status == 'processing' and record.leaseUntil > now then return {'busy'} end
    return {'claimed', lease(id, until_, token)}
  elseif op == 'settle' then
    return settle(ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8])
  elseif op == 'get' then
    return redis.call('HGET', messages, ARGV[4])
  elseif op == 'list' then
    return list(tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], ARGV[7])
  elseif op == 'counts' then
    return redis.call('HGETALL', counts)
  elseif op == 'purge' then
    local ids = redis.call('ZRANGEBYSCORE', settled, '-inf', '(' .. (now - tonumber(ARGV[4])),
      'LIMIT', 0, tonumber(ARGV[5]))
    for _, id in ipairs(ids) do
      local record = load(id)
      count(record.type, record.status, -1)
      redis.call('HDEL', messages, id)
      redis.call('ZREM', settled, id)
      redis.call('ZREM', all, id)
    end
    return #ids
  end
  return nil
end

local reply = run()
if reply == nil then
  return redis.error_reply('unknown dead-letter operation ' .. tostring(op))
end
renew_queue()
return reply
`;
