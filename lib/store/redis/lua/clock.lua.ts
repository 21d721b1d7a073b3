/** The bucket and ARGV[1..3] (see BUCKET_LUA). */
const BUCKET_ARGS_LUA = `
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
`;

/**
 * Lua that returns the reply of an allowed permit (see BUCKET_LUA) from two expressions.
 * Written out in place rather than a Lua function, which would be created on every call.
 */
export function allowLua(remaining: string, resetMs: string): string {
  return `do
  local r, reset = ${remaining}, ${resetMs}
  if r < 2097152 and reset < 2147483648 and reset % 1 == 0 then
    return r * 2147483648 + reset
  end
  return {1, r, reset, 0}
end`;
}

/**
 * The start of every rate-limit script: its bucket, ARGV[1..3] (capacity: `limit` or
 * `burst`; `windowMs` or `refillPerSecond`; cost) and the time ARGV[4], '' meaning the Redis
 * server's clock, so that windows do not depend on each client's clock (tests pass a time).
 * Times and counts are whole numbers, which Redis stores exactly.
 *
 * Replies: a table costs Redis about as much as a command, so an allowed permit answers one
 * integer, `remaining * 2^31 + resetMs` (`allowLua`; read by `rate-limit-reply.ts`), whenever
 * both fit in it exactly; a refusal, and an allowed permit that does not fit, answer
 * { allowed (0/1), remaining, resetMs, retryAfterMs }.
 */
export const BUCKET_LUA = `${BUCKET_ARGS_LUA}
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = time[1] * 1000 + math.floor(time[2] / 1000)
end
`;

/**
 * The same, with the time also as text (`stamp`), built from TIME's strings: Redis formats
 * every number passed to redis.call with sprintf, which costs more than the string work.
 */
export const BUCKET_STAMP_LUA = `${BUCKET_ARGS_LUA}
local stamp = ARGV[4]
if stamp == '' then
  local time = redis.call('TIME')
  stamp = time[1] .. string.sub('00000' .. time[2], -6, -4)
end
local now = tonumber(stamp)
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
