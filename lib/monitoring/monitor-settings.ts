import type { Clock, ErrorCategory } from '../core/index.js';
import { resilienceOptionDefaults } from '../nest/options/option-defaults.js';
import type { MonitorSources } from './monitor-sources.js';

/** Thresholds and windows of {@link ResilienceMonitor}, all present. */
export interface MonitorSettings {
  alertCooldownMs: number;
  reportIntervalMs: number;
  recoveryTimeWarningMs: number;
  recoveryTimeCriticalMs: number;
  successRateWarning: number;
  successRateCritical: number;
  errorsPerMinuteWarning: number;
  errorsPerMinuteCritical: number;
  windowMs: number;
  checkIntervalMs: number;
  /** Heap used (percent of the limit) that raises a warning; `memory.warningPercent`. */
  memoryWarningPercent: number;
  /** Heap used (percent of the limit) that raises a critical alert; `memory.criticalPercent`. */
  memoryCriticalPercent: number;
  /** How long error and recovery history is kept; `metrics.retentionHours`. */
  retentionMs: number;
  /** A prediction at or above this confidence is an alert; `predictive.alertConfidence`. */
  predictionAlertConfidence: number;
}

const moduleDefaults = resilienceOptionDefaults();

/** The defaults of DESIGN §5 and docs/configuration.md: the module's, in one place. */
export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  ...moduleDefaults.monitoring,
  memoryWarningPercent: moduleDefaults.memory.warningPercent,
  memoryCriticalPercent: moduleDefaults.memory.criticalPercent,
  retentionMs: moduleDefaults.metrics.retentionHours * 3_600_000,
  predictionAlertConfidence: moduleDefaults.predictive.alertConfidence,
};

/** Reads the category of an error (the error classifier, when the app has one). */
export type ErrorCategorizer = (error: unknown) => ErrorCategory | string;

/** How to build a {@link ResilienceMonitor} by hand (the module does it for the app). */
export interface ResilienceMonitorOptions {
  settings?: Partial<MonitorSettings>;
  clock?: Clock;
  sources?: Partial<MonitorSources>;
  /** Reads an error's category; default: the built-in classification (`classifyError`). */
  categorize?: ErrorCategorizer;
}
