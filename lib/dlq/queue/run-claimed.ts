import type { Clock } from '../../core/index.js';
import type { DeadLetterOperations, DeadLetterRecord } from '../../store/index.js';
import type { DeadLetterOutcome } from './dead-letter.types.js';
import type { DeadLetterHandlerRegistry } from './handler-registry.js';
import { decodeBody, errorInfo, messageOf } from './message-codec.js';
import { nextRetryDelay, retrySettings } from './retry-schedule.js';

/** What running a claimed message needs. */
export interface RunEnvironment {
  store: DeadLetterOperations;
  handlers: DeadLetterHandlerRegistry;
  clock: Clock;
  random: () => number;
  /** The module's `maxRetries`, for messages and handlers that set none. */
  maxRetries: number;
  /** How long a message without a handler waits before it is looked at again. */
  unhandledDelayMs: number;
  /** Told about every run, with its duration (metrics, events). */
  onRun?: (type: string, outcome: DeadLetterOutcome, durationMs: number) => void;
}

/**
 * Runs the handler of one claimed message and settles it with the claim's `token`:
 * succeeded, failed (pending again after the backoff), exhausted after `maxRetries`
 * failed runs, or released unchanged when its type has no handler.
 */
export async function runClaimed(
  env: RunEnvironment,
  record: DeadLetterRecord,
  token: string,
): Promise<DeadLetterOutcome> {
  const registered = env.handlers.get(record.type);
  const settings = retrySettings(decodeBody(record).options, registered?.options, env.maxRetries);
  const id = record.id;
  if (!registered) {
    const kept = await env.store.settle(id, token, {
      kind: 'released',
      delayMs: env.unhandledDelayMs,
    });
    const outcome = finish(kept, { id, outcome: 'unhandled', status: 'pending' });
    env.onRun?.(record.type, outcome, 0);
    return outcome;
  }
  const message = messageOf(record, settings.maxRetries);
  const started = env.clock.now();
  try {
    await registered.handle(message.payload, message);
  } catch (thrown) {
    const error = errorInfo(thrown);
    const attempts = record.attempts + 1;
    const delayMs = nextRetryDelay(settings, attempts, env.random);
    const kept = await env.store.settle(id, token, {
      kind: 'failed',
      error: JSON.stringify(error),
      delayMs,
    });
    const outcome = finish(kept, {
      id,
      outcome: delayMs === null ? 'exhausted' : 'failed',
      status: delayMs === null ? 'exhausted' : 'pending',
      attempts,
      error,
      ...(delayMs === null ? {} : { nextRetryAt: env.clock.now() + delayMs }),
    });
    env.onRun?.(record.type, outcome, env.clock.now() - started);
    return outcome;
  }
  const kept = await env.store.settle(id, token, { kind: 'succeeded' });
  const outcome = finish(kept, {
    id,
    outcome: 'succeeded',
    status: 'succeeded',
    attempts: record.attempts,
  });
  env.onRun?.(record.type, outcome, env.clock.now() - started);
  return outcome;
}

/** A settle refused means the claim ran out and another process took the message. */
function finish(kept: boolean, outcome: DeadLetterOutcome): DeadLetterOutcome {
  return kept ? outcome : { id: outcome.id, outcome: 'lost', status: 'processing' };
}
