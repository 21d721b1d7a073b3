import { BREAKER_STATE_LUA } from './breaker-state.lua.js';
import { CLOCK_LUA } from './clock.lua.js';

/**
 * Every shared-breaker operation in one script (loaded once): ARGV[1] names it, ARGV[2..13]
 * carry the breaker's settings and the time (see `breaker-state.lua.ts`), ARGV[14..] the
 * operation's own arguments. Each returns the state after it: { state, generation,
 * isolated, reason, openedAt, changedAt, now, calls, failures, slowCalls,
 * consecutiveFailures, extra1, extra2, extra3 }.
 *
 * - `admit`: extras = allowed (0/1), probe (0/1), retryAfterMs.
 * - `record` (generation, kind, slow): an outcome of an earlier generation changes nothing.
 * - `read`: the state, after the transitions time has caused.
 * - `transition` (to, reason, isolate, ifGeneration or ''): extra1 = applied (0/1).
 */
export const BREAKER_LUA = `${CLOCK_LUA}${BREAKER_STATE_LUA}
local op = ARGV[1]

local function admit()
  if b.st == 'CLOSED' then return snapshot(1, 0, 0) end
  if b.st == 'HALF_OPEN' and b.pf < max_probes then
    b.pf = b.pf + 1
    return snapshot(1, 1, 0)
  end
  local retry = 0
  if b.st == 'OPEN' and not b.iso then retry = math.max(0, b.oa + recovery - now) end
  return snapshot(0, 0, retry)
end

local function record(generation, kind, slow)
  if generation ~= b.g then return snapshot() end
  if kind == 'ignored' then
    if b.st == 'HALF_OPEN' then b.pf = b.pf - 1 end
  elseif b.st == 'CLOSED' then
    local failed = kind == 'failure'
    if failed then b.cf = b.cf + 1 else b.cf = 0 end
    record_in_window(failed, slow)
    local reason = trip_reason()
    if reason then move_to('OPEN', reason, now) end
  elseif kind == 'failure' then
    move_to('OPEN', 'probeFailed', now)
  elseif slow and slow_trips then
    move_to('OPEN', 'slowProbe', now)
  else
    b.pf = b.pf - 1
    b.ps = b.ps + 1
    if b.ps >= success_threshold then move_to('CLOSED', 'probesSucceeded', now) end
  end
  return snapshot()
end

local function transition(to, reason, isolate, if_generation)
  if if_generation ~= '' and tonumber(if_generation) ~= b.g then return snapshot(0) end
  move_to(to, reason, now)
  if isolate == '1' and to == 'OPEN' then b.iso = true end
  return snapshot(1)
end

refresh()
local answer
if op == 'admit' then
  answer = admit()
elseif op == 'record' then
  answer = record(tonumber(ARGV[14]), ARGV[15], ARGV[16] == '1')
elseif op == 'transition' then
  answer = transition(ARGV[14], ARGV[15], ARGV[16], ARGV[17])
else
  answer = snapshot()
end
expire_time_window()
save()
answer[8], answer[9], answer[10], answer[11] = b.n, b.f, b.s, b.cf
return answer
`;
