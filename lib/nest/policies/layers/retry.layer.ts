import { createRetry, type RetryOptions } from '../../../core/index.js';
import type { ResilienceEvents } from '../../events/resilience-events.js';
import type { Layer } from '../layer.js';

/** A method's retry policy, its retries published on the event bus. */
export function retryLayer(events: ResilienceEvents, name: string, options: RetryOptions): Layer {
  const retry = createRetry(options);
  retry.on('retry', ({ attempt, delayMs, error }) =>
    events.emit('retry.scheduled', { name, attempt, delayMs, error }),
  );
  events.emit('policy.created', { kind: 'retry', name, policy: retry });
  return { kind: 'retry', target: retry };
}
