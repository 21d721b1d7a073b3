import type { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { FailedWorkSink } from '../recovery/failed-work.sink.js';
import type { RunListener } from './recovery-runs.js';

/** Publishes plan runs on the bus; failed and timed-out runs also go to the failed-work sink. */
export function planRunListener(events: ResilienceEvents, sink: FailedWorkSink): RunListener {
  return {
    started: ({ id, serviceName, trigger }) =>
      events.emit('recoveryPlan.started', { serviceName, executionId: id, trigger }),
    finished: async (execution) => {
      if (execution.status === 'skipped') return;
      const { serviceName, id, status, durationMs, rollback, error } = execution;
      events.emit('recoveryPlan.finished', {
        serviceName,
        executionId: id,
        status,
        rolledBack: rollback?.status === 'succeeded',
        durationMs,
      });
      if (status === 'succeeded') return;
      const steps = execution.steps.map(({ type, status: stepStatus }) => `${type}:${stepStatus}`);
      await sink.add(
        { type: 'recovery-plan.failed', payload: { serviceName, status, steps } },
        error,
      );
    },
  };
}
