import type { CircuitState } from '../core/index.js';
import type { AlertManager } from './alert-manager.js';
import { addTally, type ErrorAnalytics, type RecoveryTally } from './error-analytics.js';
import type { MonitorSettings } from './monitor-settings.js';
import type { MonitorSources, PredictionReading } from './monitor-sources.js';
import {
  breakerReading,
  errorFrequencyReading,
  memoryReading,
  predictionReading,
  recoveryTimeReading,
  successRateReading,
} from './threshold-rules.js';

/** Reads the thresholds over the trailing window and hands the readings to the alerts. */
export class ThresholdChecks {
  constructor(
    private readonly analytics: ErrorAnalytics,
    private readonly alerts: AlertManager,
    private readonly sources: MonitorSources,
    private readonly settings: MonitorSettings,
  ) {}

  /** Average recovery time and recovery success rate. */
  recovery(now: number): void {
    const tally = this.analytics
      .recoveryTallies(now - this.settings.windowMs, now + 1)
      .reduce<RecoveryTally>((total, { value }) => addTally(total, value), {
        attempts: 0,
        successes: 0,
        timed: 0,
        totalMs: 0,
      });
    this.alerts.apply(recoveryTimeReading(tally, this.settings));
    this.alerts.apply(successRateReading(tally, this.settings));
  }

  /** Errors per minute of one service. */
  errorFrequency(service: string, now: number): void {
    const count = this.analytics.errorsOf(service, now - this.settings.windowMs, now + 1);
    const perMinute = count / (this.settings.windowMs / 60_000);
    this.alerts.apply(errorFrequencyReading(service, perMinute, this.settings));
  }

  breaker(name: string, state: CircuitState): void {
    this.alerts.apply(breakerReading(name, state));
  }

  prediction(prediction: PredictionReading): void {
    this.alerts.apply(predictionReading(prediction, this.settings));
  }

  /** Every threshold, for every subject that has errors, a breaker or an active alert. */
  all(now: number): void {
    this.recovery(now);
    const services = new Set(this.errorsByService(now).keys());
    const breakers = new Map(this.sources.breakers().map((b) => [b.name, b.state]));
    for (const alert of this.alerts.active()) {
      if (alert.rule === 'errorFrequency') services.add(alert.subject);
      // A keyed breaker dropped from memory starts CLOSED if its key comes back.
      if (alert.rule === 'circuitOpen' && !breakers.has(alert.subject))
        breakers.set(alert.subject, 'CLOSED');
    }
    for (const service of services) this.errorFrequency(service, now);
    for (const [name, state] of breakers) this.breaker(name, state);
    this.alerts.apply(memoryReading(this.sources.memoryPercent(), this.settings));
    this.predictions();
  }

  /** Current predictions raise or keep their alerts; those no longer predicted resolve. */
  private predictions(): void {
    const current = new Map(this.sources.predictions().map((p) => [p.target, p]));
    for (const alert of this.alerts.active()) {
      if (alert.rule !== 'prediction' || current.has(alert.subject)) continue;
      this.alerts.apply({ ...alert, severity: undefined });
    }
    for (const prediction of current.values()) this.prediction(prediction);
  }

  private errorsByService(now: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { parts, value } of this.analytics.errorCounts(
      now - this.settings.windowMs,
      now + 1,
    )) {
      counts.set(parts[0], (counts.get(parts[0]) ?? 0) + value);
    }
    return counts;
  }
}
