/**
 * A shared breaker's state machine and windows in Lua: the port of `CircuitStateMachine`,
 * `CountWindow`, `TimeWindow` and the trip rule (`lib/core/circuit-breaker`), run by the
 * same tests as `SharedBreakerCell`.
 *
 * KEYS[1] holds the state (a hash), KEYS[2] the window's slots (a hash, deleted whenever
 * the window empties). Both share a hash tag, hence a Cluster slot.
 */
export const BREAKER_STATE_LUA = `
local S, W = KEYS[1], KEYS[2]
local mode = ARGV[2]
local size = tonumber(ARGV[3])
local threshold = tonumber(ARGV[4])
local minimum_calls = tonumber(ARGV[5])
local slow_rate = tonumber(ARGV[6])
local slow_trips = ARGV[7] == '1'
local recovery = tonumber(ARGV[8])
local max_wait = tonumber(ARGV[9])
local max_probes = tonumber(ARGV[10])
local success_threshold = tonumber(ARGV[11])
local ttl = tonumber(ARGV[12])
local now = clock_now(ARGV[13])

local layout = mode .. ':' .. size
local raw = redis.call('HMGET', S, 'st', 'g', 'iso', 'r', 'oa', 'ca', 'ha', 'pf', 'ps', 'cf',
  'n', 'f', 's', 'nx', 'hd', 'wl')
local b = {
  st = raw[1] or 'CLOSED', g = tonumber(raw[2]) or 0, iso = raw[3] == '1', r = raw[4] or '',
  oa = tonumber(raw[5]) or 0, ca = tonumber(raw[6]) or now, ha = tonumber(raw[7]) or 0,
  pf = tonumber(raw[8]) or 0, ps = tonumber(raw[9]) or 0, cf = tonumber(raw[10]) or 0,
  n = tonumber(raw[11]) or 0, f = tonumber(raw[12]) or 0, s = tonumber(raw[13]) or 0,
  nx = tonumber(raw[14]) or 0, hd = tonumber(raw[15])
}

local function clear_window()
  b.n, b.f, b.s, b.nx, b.cf = 0, 0, 0, 0, 0
  redis.call('DEL', W)
end

-- Settings that bring another window kind or size start an empty window.
if raw[16] and raw[16] ~= layout then
  clear_window()
  b.hd = nil
end

local function move_to(to, reason, at)
  b.st, b.g, b.ca, b.pf, b.ps, b.r = to, b.g + 1, at, 0, 0, reason
  if to == 'OPEN' then
    b.oa = at
  else
    b.iso = false
    if to == 'HALF_OPEN' then b.ha = at end
  end
  if to == 'CLOSED' then clear_window() end
end

local function refresh()
  if b.st == 'HALF_OPEN' and now - b.ha >= max_wait then
    move_to('OPEN', 'halfOpenTimeout', b.ha + max_wait)
  end
  if b.st == 'OPEN' and not b.iso and now - b.oa >= recovery then
    move_to('HALF_OPEN', 'recoveryTimeout', now)
  end
end

local function expire_time_window()
  if mode ~= 'time' then return end
  local second = math.floor(now / 1000)
  if b.hd ~= nil and second <= b.hd then return end
  if b.hd == nil or second - b.hd >= size then
    b.n, b.f, b.s = 0, 0, 0
    redis.call('DEL', W)
  else
    for t = b.hd + 1, second do
      local slot = t % size
      local old = redis.call('HMGET', W, 'c' .. slot, 'f' .. slot, 's' .. slot)
      b.n = b.n - (tonumber(old[1]) or 0)
      b.f = b.f - (tonumber(old[2]) or 0)
      b.s = b.s - (tonumber(old[3]) or 0)
      redis.call('HDEL', W, 'c' .. slot, 'f' .. slot, 's' .. slot)
    end
  end
  b.hd = second
end

local function record_in_window(failed, slow)
  if mode == 'time' then
    expire_time_window()
    local slot = b.hd % size
    redis.call('HINCRBY', W, 'c' .. slot, 1)
    if failed then redis.call('HINCRBY', W, 'f' .. slot, 1) end
    if slow then redis.call('HINCRBY', W, 's' .. slot, 1) end
  else
    if b.n == size then
      local evicted = tonumber(redis.call('HGET', W, b.nx)) or 0
      if evicted % 2 == 1 then b.f = b.f - 1 end
      if evicted >= 2 then b.s = b.s - 1 end
      b.n = b.n - 1
    end
    redis.call('HSET', W, b.nx, (failed and 1 or 0) + (slow and 2 or 0))
    b.nx = (b.nx + 1) % size
  end
  b.n = b.n + 1
  if failed then b.f = b.f + 1 end
  if slow then b.s = b.s + 1 end
end

local function trip_reason()
  if mode == 'consecutive' then
    if b.cf >= threshold then return 'consecutiveFailures' end
    return nil
  end
  if b.n < minimum_calls then return nil end
  if b.f * 100 >= threshold * b.n then return 'failureRate' end
  if slow_trips and b.s * 100 >= slow_rate * b.n then return 'slowCallRate' end
  return nil
end

local function save()
  redis.call('HSET', S, 'st', b.st, 'g', b.g, 'iso', b.iso and '1' or '0', 'r', b.r,
    'oa', num(b.oa), 'ca', num(b.ca), 'ha', num(b.ha), 'pf', b.pf, 'ps', b.ps, 'cf', b.cf,
    'n', b.n, 'f', b.f, 's', b.s, 'nx', b.nx, 'hd', b.hd and num(b.hd) or '', 'wl', layout)
  redis.call('PEXPIRE', S, ttl)
  redis.call('PEXPIRE', W, ttl)
end

local function snapshot(extra1, extra2, extra3)
  return {b.st, b.g, b.iso and 1 or 0, b.r, b.oa, b.ca, now, b.n, b.f, b.s, b.cf,
    extra1 or 0, extra2 or 0, extra3 or 0}
end
`;
