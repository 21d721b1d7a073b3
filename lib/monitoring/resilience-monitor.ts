import {
  classifyError,
  systemClock,
  TypedEventEmitter,
  type CircuitState,
  type Clock,
  type Listener,
  type Unsubscribe,
} from '../core/index.js';
import { errorTypeOf } from '../metrics/error-type.js';
import { AlertManager } from './alert-manager.js';
import type { Alert, AlertCallback } from './alert.types.js';
import { ErrorAnalytics } from './error-analytics.js';
import {
  DEFAULT_MONITOR_SETTINGS,
  type ErrorCategorizer,
  type MonitorSettings,
  type ResilienceMonitorOptions,
} from './monitor-settings.js';
import { withDefaults, type MonitorSources, type PredictionReading } from './monitor-sources.js';
import type { MonitorEvents } from './monitoring-events.js';
import { buildReport } from './reliability-report.js';
import type { RecoveryRecord, ReliabilityReport } from './report.types.js';
import { ThresholdChecks } from './threshold-checks.js';

/**
 * Watches the app's reliability: records errors and recovery attempts, raises alerts when
 * a threshold is crossed (with a cooldown) and resolves them when the value is back,
 * analyses errors and recoveries, and writes reliability reports with recommendations.
 * In an app, policy events feed it and the module checks thresholds and reports on a
 * schedule; every time read goes through its clock.
 *
 * @example
 * ```ts
 * monitor.onAlert((alert, change) => pager.notify(`${change}: ${alert.message}`));
 * monitor.recordRecoveryAttempt({ service: 'payments', errorType: 'TimeoutError',
 *   strategy: 'retry', success: true, recoveryTimeMs: 1_200 });
 * const report = monitor.report();
 * ```
 */
export class ResilienceMonitor {
  readonly settings: MonitorSettings;
  private readonly clock: Clock;
  private readonly sources: MonitorSources;
  private readonly categorize: ErrorCategorizer;
  private readonly analytics: ErrorAnalytics;
  private readonly alerts: AlertManager;
  private readonly checks: ThresholdChecks;
  private readonly events = new TypedEventEmitter<MonitorEvents>();
  private latest?: ReliabilityReport;

  constructor(options: ResilienceMonitorOptions = {}) {
    this.settings = { ...DEFAULT_MONITOR_SETTINGS, ...options.settings };
    this.clock = options.clock ?? systemClock;
    this.sources = withDefaults(options.sources);
    this.categorize = options.categorize ?? ((error) => classifyError(error).category);
    this.analytics = new ErrorAnalytics(this.settings.retentionMs);
    this.alerts = new AlertManager(this.clock, this.settings.alertCooldownMs);
    this.alerts.onAlert((alert, change) => this.events.emit('alert', { alert, change }));
    this.checks = new ThresholdChecks(this.analytics, this.alerts, this.sources, this.settings);
  }

  /** Records one recovery attempt and checks the recovery thresholds. */
  recordRecoveryAttempt(attempt: RecoveryRecord): void {
    const at = attempt.at ?? this.clock.now();
    this.analytics.recordRecovery({ ...attempt, at, category: attempt.category ?? 'unknown' });
    this.checks.recovery(this.clock.now());
  }

  /** Records an error of `service` (breaker failures are recorded by the module). */
  recordError(error: unknown, context: { service: string; category?: string; at?: number }): void {
    const at = context.at ?? this.clock.now();
    const category = context.category ?? this.categoryOf(error);
    this.analytics.recordError(at, context.service, category, errorTypeOf(error));
    this.checks.errorFrequency(context.service, this.clock.now());
  }

  /** The category the monitor files an error under. */
  categoryOf(error: unknown): string {
    return String(this.categorize(error));
  }

  /** A breaker changed state: counts openings and raises or resolves its alert. */
  recordBreakerState(name: string, state: CircuitState, at = this.clock.now()): void {
    if (state === 'OPEN') this.analytics.recordOpen(at, name);
    this.checks.breaker(name, state);
  }

  /** A prediction reached the alert confidence: it is an alert until it no longer holds. */
  recordPrediction(prediction: PredictionReading): void {
    this.checks.prediction(prediction);
  }

  /** Checks every threshold now: raises what is crossed, resolves what is back. */
  check(): void {
    this.checks.all(this.clock.now());
  }

  /** The reliability report of the last `periodMs` (default `reportIntervalMs`). */
  report(periodMs = this.settings.reportIntervalMs): ReliabilityReport {
    const parts = {
      analytics: this.analytics,
      alerts: this.alerts,
      sources: this.sources,
      settings: this.settings,
    };
    return buildReport(parts, this.clock.now(), periodMs);
  }

  /** Builds the periodic report, keeps it as the latest and emits `report`. */
  publishReport(): ReliabilityReport {
    this.latest = this.report();
    this.events.emit('report', this.latest);
    return this.latest;
  }

  /** The last scheduled report, if one was made. */
  lastReport(): ReliabilityReport | undefined {
    return this.latest;
  }

  /** Active alerts, most severe first. */
  activeAlerts(): Alert[] {
    return this.alerts.active();
  }

  /** Alerts raised in the last `periodMs` (default `reportIntervalMs`), newest first. */
  recentAlerts(periodMs = this.settings.reportIntervalMs): Alert[] {
    return this.alerts.raisedSince(this.clock.now() - periodMs);
  }

  /** Readings that would have raised an alert during its cooldown. */
  get suppressedAlerts(): number {
    return this.alerts.suppressed;
  }

  /** Calls `callback` when an alert is raised, escalated or resolved. */
  onAlert(callback: AlertCallback): Unsubscribe {
    return this.alerts.onAlert(callback);
  }

  /** Listens to `alert` or `report`. */
  on<K extends keyof MonitorEvents>(event: K, listener: Listener<MonitorEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }
}
