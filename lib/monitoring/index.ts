export { ResilienceMonitor } from './resilience-monitor.js';
export {
  DEFAULT_MONITOR_SETTINGS,
  type ErrorCategorizer,
  type MonitorSettings,
  type ResilienceMonitorOptions,
} from './monitor-settings.js';
export type { MonitorSources, PredictionReading } from './monitor-sources.js';
export type { Alert, AlertCallback, AlertChange, AlertRule, AlertSeverity } from './alert.types.js';
export type { MonitorEvents, MonitoringEventMap } from './monitoring-events.js';
export type {
  BreakerReport,
  ErrorTrend,
  Insight,
  LimiterReport,
  RecoveryRecord,
  ReliabilityReport,
  StrategyEffectiveness,
  TopError,
} from './report.types.js';
