import { createTimeout, type TimeoutOptions } from '../../../core/index.js';
import type { ResilienceEvents } from '../../events/resilience-events.js';
import type { Layer } from '../layer.js';

/** A method's timeout, published on the event bus when it fires. */
export function timeoutLayer(
  events: ResilienceEvents,
  name: string,
  options: TimeoutOptions,
): Layer {
  const timeout = createTimeout(options);
  timeout.on('timeout', ({ ms }) => events.emit('timeout.fired', { name, ms }));
  events.emit('policy.created', { kind: 'timeout', name, policy: timeout });
  return { kind: 'timeout', target: timeout };
}
