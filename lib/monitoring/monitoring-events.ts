import type { Alert, AlertChange } from './alert.types.js';
import type { ReliabilityReport } from './report.types.js';

/** Events of the monitor itself (`monitor.on(...)`). */
export interface MonitorEvents {
  alert: { alert: Alert; change: AlertChange };
  report: ReliabilityReport;
}

/** The events of monitoring, on the app's `ResilienceEvents` bus. */
export interface MonitoringEventMap {
  /** An alert was raised, escalated or resolved. */
  'monitoring.alert': { alert: Alert; change: AlertChange };
  /** The scheduled reliability report was made. */
  'monitoring.report': ReliabilityReport;
}
