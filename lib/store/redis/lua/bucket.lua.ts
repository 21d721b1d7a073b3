/**
 * Every rate-limit script is a decision body (one per algorithm) wrapped twice: once for one
 * decision per call, once for a batch of decisions in one call (`bucketBatchScript`).
 *
 * A body reads `key` and the decision's arguments as text: `capacity_text` (`limit` or
 * `burst`), `window_text` (`windowMs` or `refillPerSecond`), `cost_text`, `time_text` ('' for
 * the Redis server's clock, so that windows do not depend on each client's clock; tests pass
 * a time) and, for the token bucket only, `fill_ms`; and as numbers `capacity`, `window`,
 * `cost`, `now` (plus `stamp`, the time as text, with the 'stamp' clock). Times and counts
 * are whole numbers, which Redis stores exactly. Text goes back to Redis as it came: Redis
 * formats every number passed to redis.call with sprintf, which costs more than most
 * commands.
 *
 * Replies: a table costs Redis about as much as a command, so an allowed permit answers one
 * integer, `remaining * 2^31 + resetMs` (`allowLua`; read by `rate-limit-reply.ts`), whenever
 * both fit in it exactly; a refusal, and an allowed permit that does not fit, answer
 * { allowed (0/1), remaining, resetMs, retryAfterMs }.
 */

/** How a body reads the time: as a number, or also as text (`stamp`). */
export type BucketClock = 'number' | 'stamp';

const PARAMETERS = 'key, capacity_text, window_text, cost_text, time_text, fill_ms';

const NUMBERS_LUA = `local capacity = tonumber(capacity_text)
local window = tonumber(window_text)
local cost = tonumber(cost_text)`;

/** `now` (and `stamp`) from `time_text`, or from `serverTime`, an expression giving TIME. */
function timeLua(clock: BucketClock, serverTime: string): string {
  if (clock === 'number') {
    return `local now = tonumber(time_text)
if not now then
  local time = ${serverTime}
  now = time[1] * 1000 + math.floor(time[2] / 1000)
end`;
  }
  return `local stamp = time_text
if stamp == '' then
  local time = ${serverTime}
  stamp = time[1] .. string.sub('00000' .. time[2], -6, -4)
end
local now = tonumber(stamp)`;
}

/** One decision per call: KEYS[1] and ARGV[1..5] as the parameters above, in that order. */
export function bucketScript(body: string, clock: BucketClock): string {
  return `local ${PARAMETERS} = KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
${NUMBERS_LUA}
${timeLua(clock, "redis.call('TIME')")}
${body}`;
}

/**
 * Many decisions per call, each as atomic as alone and taken in order: KEYS are the buckets,
 * ARGV[1] how many arguments each decision has (its stride: 5 with `fill_ms`, else 4) and
 * then each one's arguments as `bucketScript` takes them. Replies with one reply per
 * decision; a decision that fails (e.g. WRONGTYPE) answers its error in its place and the
 * others go on. The server's clock is read once for the batch.
 */
export function bucketBatchScript(body: string, clock: BucketClock): string {
  return `local stride = tonumber(ARGV[1])
local server_clock
local function server_time()
  if not server_clock then server_clock = redis.call('TIME') end
  return server_clock
end
local function decide(${PARAMETERS})
${NUMBERS_LUA}
${timeLua(clock, 'server_time()')}
${body}
end
local replies = {}
for i = 1, #KEYS do
  local a = 1 + (i - 1) * stride
  local fill_ms = nil
  if stride > 4 then fill_ms = ARGV[a + 5] end
  local ok, reply = pcall(decide, KEYS[i], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], fill_ms)
  if not ok and type(reply) ~= 'table' then reply = {err = tostring(reply)} end
  replies[i] = reply
end
return replies`;
}

/**
 * Lua that returns the reply of an allowed permit from two expressions. Written out in place
 * rather than a Lua function, which would be created on every call.
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

/** An algorithm's decision body, and how it reads the time. */
export interface BucketBody {
  readonly clock: BucketClock;
  readonly lua: string;
}
