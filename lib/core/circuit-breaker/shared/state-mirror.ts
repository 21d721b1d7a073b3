import type { CircuitStateMachine } from '../circuit-state-machine.js';
import type { SharedBreakerSnapshot } from './shared-breaker.types.js';

/**
 * Brings the in-process state machine to the shared state in `next`, translating store
 * times to the local clock (`localNow` and `next.now` are the same instant). A transition
 * the store made — here or in another process — becomes a local transition, so this
 * process emits `stateChange` for it. Nothing changes while the generation is the one
 * already mirrored and the states agree.
 */
export function mirrorSnapshot(
  machine: CircuitStateMachine,
  previous: SharedBreakerSnapshot | undefined,
  next: SharedBreakerSnapshot,
  localNow: number,
): void {
  const sameGeneration = previous !== undefined && previous.generation === next.generation;
  if (sameGeneration && machine.state === next.state && machine.isolated === next.isolated) {
    return;
  }
  const offset = localNow - next.now;
  if (!sameGeneration || machine.state !== next.state) {
    machine.moveTo(next.state, next.reason ?? 'forced', next.changedAt + offset);
  }
  machine.isolated = next.state === 'OPEN' && next.isolated;
  if (next.state === 'OPEN') machine.openedAt = next.openedAt + offset;
}
