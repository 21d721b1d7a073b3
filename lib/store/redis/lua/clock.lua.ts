/**
 * The start of every rate-limit script: its bucket, ARGV[1..3] (capacity: `limit` or
 * `burst`; `windowMs` or `refillPerSecond`; cost) and the time ARGV[4], '' meaning the Redis
 * server's clock, so that windows do not depend on each client's clock (tests pass a time).
 * Times and counts are whole numbers, which Redis stores exactly.
 */
export const BUCKET_LUA = `
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
`;

/**
 * The same clock for the breaker script (ARGV[13]), and `num`, which writes a fractional
 * number without losing precision (Redis would keep 14 digits).
 */
export const CLOCK_LUA = `
local function clock_now(given)
  if given ~= '' then return tonumber(given) end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function num(value) return string.format('%.17g', value) end
`;
