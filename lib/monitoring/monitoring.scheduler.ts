import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { scheduleInterval } from '../metrics/scheduled-interval.js';
import { ResilienceMonitor } from './resilience-monitor.js';

/**
 * Checks the monitor's thresholds every `monitoring.checkIntervalMs` and publishes a
 * reliability report every `monitoring.reportIntervalMs` (intervals of the app's
 * `SchedulerRegistry`, removed on shutdown).
 */
@Injectable()
export class MonitoringScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private stops: (() => void)[] = [];

  constructor(
    private readonly monitor: ResilienceMonitor,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const { checkIntervalMs, reportIntervalMs } = this.monitor.settings;
    const failed = (what: string) => (error: unknown) =>
      this.logger.error(`Monitoring ${what} failed: ${String(error)}`);
    this.stops = [
      scheduleInterval(
        this.scheduler,
        'resilience.monitoring.check',
        checkIntervalMs,
        () => this.monitor.check(),
        failed('check'),
      ),
      scheduleInterval(
        this.scheduler,
        'resilience.monitoring.report',
        reportIntervalMs,
        () => this.monitor.publishReport(),
        failed('report'),
      ),
    ];
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}
