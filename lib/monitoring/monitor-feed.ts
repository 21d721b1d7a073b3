import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { RetryPolicy } from '../core/index.js';
import { ResilienceEvents, type CreatedPolicy } from '../nest/events/resilience-events.js';
import { errorTypeOf } from '../metrics/error-type.js';
import type { MonitorEvents } from './monitoring-events.js';
import { ResilienceMonitor } from './resilience-monitor.js';

/**
 * Feeds the monitor from the app's policies: breaker failures are errors of the breaker's
 * name, state changes open and resolve breaker alerts, fallbacks and retries are recovery
 * attempts. Publishes the monitor's alerts and reports on the app's event bus and logs
 * alerts. Subscribes in its constructor, before the policies are created at start-up.
 */
@Injectable()
export class MonitorFeed implements OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly monitor: ResilienceMonitor,
    events: ResilienceEvents,
  ) {
    this.unsubscribe.push(
      events.on('policy.created', (created) => this.watch(created)),
      events.on('circuit.stateChange', ({ name, to }) => monitor.recordBreakerState(name, to)),
      events.on('prediction.alert', (prediction) => monitor.recordPrediction(prediction)),
      events.on('recovery.attempted', (attempt) =>
        monitor.recordRecoveryAttempt({
          service: attempt.serviceId,
          errorType: attempt.category,
          category: attempt.category,
          strategy: attempt.strategy,
          success: attempt.status === 'success',
          recoveryTimeMs: attempt.durationMs,
          context: { operation: attempt.operation, attempts: attempt.attempts },
        }),
      ),
      monitor.on('alert', (event) => {
        events.emit('monitoring.alert', event);
        this.log(event);
      }),
      monitor.on('report', (report) => events.emit('monitoring.report', report)),
    );
  }

  onApplicationShutdown(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private watch(created: CreatedPolicy): void {
    const { name } = created;
    if (created.kind === 'circuitBreaker') {
      this.unsubscribe.push(
        created.policy.on('failureCounted', ({ error }) =>
          this.monitor.recordError(error, { service: name }),
        ),
      );
    } else if (created.kind === 'fallback') {
      this.unsubscribe.push(
        created.policy.on('fallback', ({ error }) => this.recovered(name, 'fallback', true, error)),
      );
    } else if (created.kind === 'retry') {
      this.watchRetry(name, created.policy);
    }
  }

  private watchRetry(name: string, retry: RetryPolicy): void {
    this.unsubscribe.push(
      // A call given up on at its first attempt was never retried: no recovery was tried.
      retry.on('giveUp', ({ error, attempts }) => {
        if (attempts > 1) this.recovered(name, 'retry', false, error);
      }),
      retry.on('recovered', ({ error }) => this.recovered(name, 'retry', true, error)),
    );
  }

  private recovered(service: string, strategy: string, success: boolean, error: unknown): void {
    this.monitor.recordRecoveryAttempt({
      service,
      strategy,
      success,
      errorType: errorTypeOf(error),
      category: this.monitor.categoryOf(error),
    });
  }

  private log({ alert, change }: MonitorEvents['alert']): void {
    const text = `Alert ${change}: ${alert.message}`;
    if (change === 'resolved') this.logger.log(text);
    else if (alert.severity === 'critical') this.logger.error(text);
    else this.logger.warn(text);
  }
}
