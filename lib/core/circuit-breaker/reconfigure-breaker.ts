import { OptionChecker } from '../validation/index.js';
import { keepFixedOptions } from '../validation/keep-fixed-options.js';
import { AdaptiveThreshold } from './adaptive-threshold.js';
import type { CircuitBreakerOptions } from './circuit-breaker.options.js';
import {
  resolveCircuitBreakerSettings,
  type AdaptiveSettings,
  type CircuitBreakerSettings,
} from './circuit-breaker.settings.js';
import { checkCircuitBreakerOptions } from './check-circuit-breaker-options.js';
import type { CircuitStateMachine } from './circuit-state-machine.js';
import { createOutcomeWindow } from './create-outcome-window.js';
import type { OutcomeRecorder } from './outcome-recorder.js';

/** What a live breaker keeps whatever `reconfigure` is given: its name and its clock. */
export type FixedBreakerOptions = Required<
  Pick<CircuitBreakerOptions, 'name' | 'clock' | 'onStoreFailure'>
>;

/**
 * Checks `options` with the constructor's rules (on `checker`, which may hold more issues),
 * keeps the fixed fields, and resolves the settings.
 * @throws ResilienceConfigError listing every issue; nothing has changed then.
 */
export function resolveBreakerReconfiguration<O extends CircuitBreakerOptions>(
  options: O,
  fixed: FixedBreakerOptions,
  checker = new OptionChecker(),
): { options: O; settings: CircuitBreakerSettings } {
  checkCircuitBreakerOptions(options, checker);
  const complete = keepFixedOptions(options, fixed as Partial<O>, checker);
  checker.throwIfInvalid();
  return { options: complete, settings: resolveCircuitBreakerSettings(complete) };
}

/** Another window kind or size cannot take over the current window: the breaker restarts. */
export function restartsBreaker(
  previous: CircuitBreakerSettings,
  next: CircuitBreakerSettings,
): boolean {
  return previous.mode !== next.mode || previous.windowSize !== next.windowSize;
}

/**
 * Puts `next` in force in a breaker's state machine and recorder; returns whether the
 * breaker restarted.
 *
 * - Same window: state, window, counts and consecutive failures stay; the new thresholds
 *   judge the next outcome (nothing opens or closes now).
 * - Another window (kind or size): a new, empty window, and the breaker enters CLOSED with
 *   reason `reconfigured` (a new generation, so calls in flight are counted but change
 *   nothing). An isolated breaker stays isolated: only `close()` or `reset()` ends that.
 * - A new failure threshold or adaptive setting restarts the adaptive threshold at the new
 *   configured value.
 */
export function applyBreakerSettings(
  machine: CircuitStateMachine,
  recorder: OutcomeRecorder,
  next: CircuitBreakerSettings,
  now: number,
): boolean {
  const previous = recorder.settings;
  const restart = restartsBreaker(previous, next);
  machine.timing = next;
  recorder.settings = next;
  if (restart || thresholdChanged(previous, next)) {
    recorder.threshold = new AdaptiveThreshold(next.failureThreshold, next.adaptive);
    recorder.threshold.startStablePeriod(now);
  }
  if (!restart) return false;
  recorder.window = createOutcomeWindow(next);
  if (machine.isolated) recorder.startAfresh(now);
  else machine.moveTo('CLOSED', 'reconfigured', now);
  return true;
}

function thresholdChanged(previous: CircuitBreakerSettings, next: CircuitBreakerSettings): boolean {
  return (
    previous.failureThreshold !== next.failureThreshold ||
    !sameAdaptive(previous.adaptive, next.adaptive)
  );
}

function sameAdaptive(a: AdaptiveSettings | undefined, b: AdaptiveSettings | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.floor === b.floor &&
    a.step === b.step &&
    a.tripWindowMs === b.tripWindowMs &&
    a.stablePeriodMs === b.stablePeriodMs
  );
}
