import type { Clock, Unsubscribe } from '../core/index.js';
import type {
  Alert,
  AlertCallback,
  AlertChange,
  AlertReading,
  AlertSeverity,
} from './alert.types.js';

/** Resolved alerts kept for reports and the dashboard. */
const RESOLVED_KEPT = 200;

/**
 * Turns readings into alerts. One alert per `rule:subject` is active at a time; it is
 * raised when a threshold is crossed, escalated to critical, and resolved when a reading
 * is back within thresholds. An alert is not raised again at the same severity within the
 * cooldown of its last raise (the reading is counted as suppressed instead); an active
 * alert that worsens again within the cooldown turns critical without a new announcement.
 */
export class AlertManager {
  /** Readings that would have raised an alert during its cooldown. */
  suppressed = 0;
  private readonly activeAlerts = new Map<string, Alert>();
  private readonly resolvedAlerts: Alert[] = [];
  private readonly lastRaised = new Map<string, number>();
  private readonly callbacks = new Set<AlertCallback>();
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    private readonly cooldownMs: number,
  ) {}

  /** Calls `callback` on every raise, escalation and resolution. */
  onAlert(callback: AlertCallback): Unsubscribe {
    this.callbacks.add(callback);
    return () => this.callbacks.delete(callback);
  }

  /** Applies one reading: raises, escalates, updates or resolves the alert of its key. */
  apply(reading: AlertReading): void {
    const key = `${reading.rule}:${reading.subject}`;
    const now = this.clock.now();
    const current = this.activeAlerts.get(key);
    if (!reading.severity) {
      if (current) this.resolve(key, current, now);
      return;
    }
    if (!current) {
      if (!reading.holdOnly) this.raise(key, reading, reading.severity, now);
      return;
    }
    Object.assign(current, { value: reading.value, message: reading.message, updatedAt: now });
    if (reading.holdOnly || reading.severity === current.severity) return;
    Object.assign(current, { severity: reading.severity, threshold: reading.threshold });
    if (reading.severity === 'warning') return;
    // Within the cooldown an escalation still shows, but is not announced again.
    if (this.coolingDown(key, 'critical', now)) {
      this.suppressed++;
      return;
    }
    this.lastRaised.set(`${key}|critical`, now);
    this.notify(current, 'escalated');
  }

  /** Active alerts, most severe first, then newest first. */
  active(): Alert[] {
    return [...this.activeAlerts.values()]
      .sort((a, b) => rank(b.severity) - rank(a.severity) || b.raisedAt - a.raisedAt)
      .map((alert) => ({ ...alert }));
  }

  /** Alerts raised at or after `from`, active or resolved, newest first. */
  raisedSince(from: number): Alert[] {
    return [...this.resolvedAlerts, ...this.activeAlerts.values()]
      .filter((alert) => alert.raisedAt >= from)
      .sort((a, b) => b.raisedAt - a.raisedAt)
      .map((alert) => ({ ...alert }));
  }

  private raise(key: string, reading: AlertReading, severity: AlertSeverity, now: number): void {
    if (this.coolingDown(key, severity, now)) {
      this.suppressed++;
      return;
    }
    const { rule, subject, value, threshold, message } = reading;
    const alert: Alert = {
      id: `${now.toString(36)}-${(++this.sequence).toString(36)}`,
      key,
      rule,
      subject,
      severity,
      status: 'active',
      message,
      value,
      threshold,
      raisedAt: now,
      updatedAt: now,
    };
    this.activeAlerts.set(key, alert);
    this.lastRaised.set(`${key}|${severity}`, now);
    this.notify(alert, 'raised');
  }

  private resolve(key: string, alert: Alert, now: number): void {
    this.activeAlerts.delete(key);
    Object.assign(alert, { status: 'resolved', resolvedAt: now, updatedAt: now });
    this.resolvedAlerts.push(alert);
    if (this.resolvedAlerts.length > RESOLVED_KEPT) this.resolvedAlerts.shift();
    this.notify(alert, 'resolved');
  }

  private coolingDown(key: string, severity: AlertSeverity, now: number): boolean {
    const last = this.lastRaised.get(`${key}|${severity}`);
    return last !== undefined && now - last < this.cooldownMs;
  }

  private notify(alert: Alert, change: AlertChange): void {
    for (const callback of this.callbacks) {
      try {
        callback({ ...alert }, change);
      } catch {
        // A faulty callback must not stop the others or the monitor.
      }
    }
  }
}

function rank(severity: AlertSeverity): number {
  return severity === 'critical' ? 2 : 1;
}
