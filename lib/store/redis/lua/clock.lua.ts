/**
 * The clock of the breaker and dead-letter scripts: `clock_now(given)` is `given` when a
 * test passes a time, else the Redis server's (milliseconds); and `num`, which writes a
 * fractional number without losing precision (Redis would keep 14 digits).
 */
export const CLOCK_LUA = `
local function clock_now(given)
  if given ~= '' then return tonumber(given) end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function num(value) return string.format('%.17g', value) end
`;
