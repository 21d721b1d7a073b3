/** How bad an alert is. */
export type AlertSeverity = 'warning' | 'critical';

/** What an alert watches. */
export type AlertRule =
  /** Average recovery time over the window (ms). */
  | 'recoveryTime'
  /** Share of recovery attempts that succeeded over the window (0–1). */
  | 'successRate'
  /** Errors per minute of one service over the window. */
  | 'errorFrequency'
  /** Heap used, in percent of the heap limit. */
  | 'memoryUsage'
  /** A circuit breaker is open. */
  | 'circuitOpen'
  /** A failure prediction reached `predictive.alertConfidence`. */
  | 'prediction';

/** One alert: raised when a threshold is crossed, resolved when the value is back. */
export interface Alert {
  /** Unique per raise. */
  id: string;
  /** `rule:subject`: the same key is the same alert (cooldown, auto-resolve). */
  key: string;
  rule: AlertRule;
  /** What it is about: a service, a breaker, `recovery` or `process`. */
  subject: string;
  severity: AlertSeverity;
  status: 'active' | 'resolved';
  /** Plain text, e.g. "payments: 45 errors/min (critical at 120)". */
  message: string;
  /** The value that crossed the threshold (latest while active). */
  value: number;
  /** The threshold it crossed. */
  threshold: number;
  raisedAt: number;
  updatedAt: number;
  resolvedAt?: number;
}

/** What happened to an alert, as told to callbacks. */
export type AlertChange = 'raised' | 'escalated' | 'resolved';

/** Called on every raise, escalation and resolution. */
export type AlertCallback = (alert: Alert, change: AlertChange) => void;

/** One reading of a rule for one subject: a severity when a threshold is crossed. */
export interface AlertReading {
  rule: AlertRule;
  subject: string;
  /** Undefined when the value is within thresholds (an active alert then resolves). */
  severity?: AlertSeverity;
  value: number;
  threshold: number;
  message: string;
  /** Keeps an active alert going without raising one (a breaker HALF_OPEN after OPEN). */
  holdOnly?: boolean;
}
