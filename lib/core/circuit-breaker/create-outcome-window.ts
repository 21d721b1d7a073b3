import type { CircuitBreakerSettings } from './circuit-breaker.settings.js';
import { CountWindow } from './count-window.js';
import type { OutcomeWindow } from './outcome-window.js';
import { TimeWindow } from './time-window.js';

/** An empty window of the kind and size `settings` ask for. */
export function createOutcomeWindow(
  settings: Pick<CircuitBreakerSettings, 'mode' | 'windowSize'>,
): OutcomeWindow {
  const size = settings.windowSize;
  return settings.mode === 'time' ? new TimeWindow(size) : new CountWindow(size);
}
