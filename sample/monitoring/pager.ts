import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ResilienceMonitor, type Alert, type AlertChange } from 'nestjs-bulwark';

/**
 * Stands in for paging the on-call engineer: critical alerts (and their resolution) go
 * to the log under `Pager`. The library already logs every alert; this shows the callback.
 */
@Injectable()
export class Pager implements OnModuleInit {
  private readonly logger = new Logger('Pager');

  constructor(private readonly monitor: ResilienceMonitor) {}

  onModuleInit(): void {
    this.monitor.onAlert((alert, change) => this.page(alert, change));
  }

  private page(alert: Alert, change: AlertChange): void {
    if (alert.severity !== 'critical') return;
    if (change === 'resolved') this.logger.log(`Resolved, no action needed: ${alert.message}`);
    else this.logger.error(`Paging on-call: ${alert.message}`);
  }
}
