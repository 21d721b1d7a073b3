import type { CircuitState, SharedBreakerSnapshot, StateChangeReason } from '../../core/index.js';

/** The reply of the breaker script, as sent by Redis. */
export type BreakerReply = [
  state: string,
  generation: number,
  isolated: number,
  reason: string,
  openedAt: number,
  changedAt: number,
  now: number,
  calls: number,
  failures: number,
  slowCalls: number,
  consecutiveFailures: number,
  extra1: number,
  extra2: number,
  extra3: number,
];

/** The snapshot part of a breaker script's reply. */
export function snapshotOf(reply: BreakerReply): SharedBreakerSnapshot {
  const [state, generation, isolated, reason, openedAt, changedAt, now] = reply;
  return {
    state: state as CircuitState,
    generation,
    isolated: isolated === 1,
    reason: reason === '' ? undefined : (reason as StateChangeReason),
    openedAt,
    changedAt,
    now,
    calls: reply[7],
    failures: reply[8],
    slowCalls: reply[9],
    consecutiveFailures: reply[10],
  };
}
