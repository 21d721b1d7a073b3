import type {
  BreakerAdmission,
  BreakerOutcome,
  BreakerTransition,
  BreakerTransitionResult,
  SharedBreakerOperations,
  SharedBreakerSnapshot,
  SharedBreakerSpec,
} from '../../core/index.js';
import { BREAKER_IDLE_TTL_MS } from '../breaker-idle-ttl.js';
import { storeKey } from '../store-keys.js';
import { snapshotOf, type BreakerReply } from './breaker-reply.js';
import { BREAKER_LUA } from './lua/breaker.lua.js';
import { LuaScript } from './lua-script.js';
import type { RedisChannel } from './redis-channel.js';

export const BREAKER_SCRIPT = new LuaScript(BREAKER_LUA);

/**
 * Shared breaker state in Redis: `<prefix>breaker:{name}` (the state) and
 * `<prefix>breaker:{name}:window` (the window's slots); each operation one script call.
 */
export class RedisBreakers implements SharedBreakerOperations {
  constructor(private readonly channel: RedisChannel) {}

  async admit(name: string, spec: SharedBreakerSpec): Promise<BreakerAdmission> {
    const reply = await this.run('admit', name, spec, []);
    const snapshot = snapshotOf(reply);
    return { allowed: reply[11] === 1, probe: reply[12] === 1, retryAfterMs: reply[13], snapshot };
  }

  async record(
    name: string,
    spec: SharedBreakerSpec,
    outcome: BreakerOutcome,
  ): Promise<SharedBreakerSnapshot> {
    const args = [outcome.generation, outcome.kind, outcome.slow ? '1' : '0'];
    return snapshotOf(await this.run('record', name, spec, args));
  }

  async read(name: string, spec: SharedBreakerSpec): Promise<SharedBreakerSnapshot> {
    return snapshotOf(await this.run('read', name, spec, []));
  }

  async transition(
    name: string,
    spec: SharedBreakerSpec,
    change: BreakerTransition,
  ): Promise<BreakerTransitionResult> {
    const args = [
      change.to,
      change.reason,
      change.isolate ? '1' : '0',
      change.ifGeneration === undefined ? '' : change.ifGeneration,
    ];
    const reply = await this.run('transition', name, spec, args);
    return { applied: reply[11] === 1, snapshot: snapshotOf(reply) };
  }

  private async run(
    op: string,
    name: string,
    spec: SharedBreakerSpec,
    args: (string | number)[],
  ): Promise<BreakerReply> {
    const { channel } = this;
    const state = storeKey(channel.keyPrefix, 'breaker', name);
    const settings = [
      op,
      spec.mode,
      spec.windowSize,
      spec.failureThreshold,
      spec.minimumCalls,
      spec.slowCallRateThreshold,
      spec.slowCallsTrip ? '1' : '0',
      spec.recoveryTimeoutMs,
      spec.maxWaitInHalfOpenMs,
      spec.halfOpenMaxCalls,
      spec.successThreshold,
      BREAKER_IDLE_TTL_MS,
      channel.now(),
    ];
    const keys = [state, `${state}:window`];
    return (await channel.run(BREAKER_SCRIPT, keys, [...settings, ...args])) as BreakerReply;
  }
}
