import type { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { FailedWorkSink } from './failed-work.sink.js';
import type { RecoveryContext, RecoveryResult } from './recovery.types.js';

/**
 * Publishes `recovery.attempted`, and hands a failed recovery to the failed-work sink (the
 * dead-letter queue once bound). A sink that fails does not fail the recovery's caller.
 */
export async function reportRecovery(
  events: ResilienceEvents,
  sink: FailedWorkSink,
  error: unknown,
  context: RecoveryContext<unknown>,
  result: RecoveryResult<unknown>,
): Promise<void> {
  const { serviceId, operation } = context;
  const { category } = result.classification;
  const { status, strategy, attempts, durationMs } = result;
  events.emit('recovery.attempted', {
    serviceId,
    operation,
    category,
    errorType: errorTypeOf(error),
    strategy,
    status,
    attempts,
    durationMs,
  });
  if (status === 'success') return;
  const payload = { serviceId, operation, category, tried: result.tried };
  await Promise.resolve()
    .then(() => sink.add({ type: 'recovery.failed', payload }, result.error))
    .catch(() => undefined);
}

function errorTypeOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
