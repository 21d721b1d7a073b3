import type { CircuitState } from '../core/index.js';
import type { AlertReading, AlertSeverity } from './alert.types.js';
import type { RecoveryTally } from './error-analytics.js';
import type { MonitorSettings } from './monitor-settings.js';
import type { PredictionReading } from './monitor-sources.js';

/** Below this many attempts in the window a success rate says too little to alert on. */
export const MIN_ATTEMPTS_FOR_SUCCESS_RATE = 5;

type Settings = MonitorSettings;

/** `critical` at or above `critical`, `warning` at or above `warning` (higher is worse). */
function above(value: number, warning: number, critical: number): AlertSeverity | undefined {
  if (value >= critical) return 'critical';
  return value >= warning ? 'warning' : undefined;
}

const thresholdOf = (severity: AlertSeverity | undefined, warning: number, critical: number) =>
  severity === 'critical' ? critical : warning;

/** Average recovery time over the window, against 5 s / 10 s by default. */
export function recoveryTimeReading(tally: RecoveryTally, settings: Settings): AlertReading {
  const value = tally.timed > 0 ? Math.round(tally.totalMs / tally.timed) : 0;
  const { recoveryTimeWarningMs: warning, recoveryTimeCriticalMs: critical } = settings;
  const severity = above(value, warning, critical);
  const threshold = thresholdOf(severity, warning, critical);
  return {
    rule: 'recoveryTime',
    subject: 'recovery',
    severity,
    value,
    threshold,
    message: `recovery takes ${value} ms on average (${severity ?? 'warning'} at ${threshold} ms)`,
  };
}

/** Share of successful recovery attempts over the window, against 80 % / 60 % by default. */
export function successRateReading(tally: RecoveryTally, settings: Settings): AlertReading {
  const value = tally.attempts > 0 ? tally.successes / tally.attempts : 1;
  const { successRateWarning: warning, successRateCritical: critical } = settings;
  const enough = tally.attempts >= MIN_ATTEMPTS_FOR_SUCCESS_RATE;
  const severity = !enough
    ? undefined
    : value < critical
      ? 'critical'
      : value < warning
        ? 'warning'
        : undefined;
  const threshold = thresholdOf(severity, warning, critical);
  const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;
  return {
    rule: 'successRate',
    subject: 'recovery',
    severity,
    value: Number(value.toFixed(3)),
    threshold,
    message: `${percent(value)} of ${tally.attempts} recovery attempts succeeded (${severity ?? 'warning'} below ${percent(threshold)})`,
  };
}

/** Errors per minute of one service over the window. */
export function errorFrequencyReading(
  service: string,
  perMinute: number,
  settings: Settings,
): AlertReading {
  const { errorsPerMinuteWarning: warning, errorsPerMinuteCritical: critical } = settings;
  const value = Number(perMinute.toFixed(1));
  const severity = above(value, warning, critical);
  const threshold = thresholdOf(severity, warning, critical);
  return {
    rule: 'errorFrequency',
    subject: service,
    severity,
    value,
    threshold,
    message: `${service}: ${value} errors/min (${severity ?? 'warning'} at ${threshold})`,
  };
}

/** Heap used in percent of the heap limit, against `memory.warningPercent` / `criticalPercent`. */
export function memoryReading(percent: number, settings: Settings): AlertReading {
  const { memoryWarningPercent: warning, memoryCriticalPercent: critical } = settings;
  const value = Math.round(percent);
  const severity = above(value, warning, critical);
  const threshold = thresholdOf(severity, warning, critical);
  return {
    rule: 'memoryUsage',
    subject: 'process',
    severity,
    value,
    threshold,
    message: `heap at ${value} % of its limit (${severity ?? 'warning'} at ${threshold} %)`,
  };
}

/** A prediction at or above the alert confidence is a warning until it no longer holds. */
export function predictionReading(prediction: PredictionReading, settings: Settings): AlertReading {
  const threshold = settings.predictionAlertConfidence;
  const { target, kind, confidence, recommendation } = prediction;
  return {
    rule: 'prediction',
    subject: target,
    severity: confidence >= threshold ? 'warning' : undefined,
    value: Number(confidence.toFixed(3)),
    threshold,
    message: `${target}: ${recommendation} (${kind}, ${Math.round(confidence * 100)} % likely)`,
  };
}

/** An open breaker is a warning until it closes again (HALF_OPEN is still recovering). */
export function breakerReading(name: string, state: CircuitState): AlertReading {
  return {
    rule: 'circuitOpen',
    subject: name,
    severity: state === 'CLOSED' ? undefined : 'warning',
    value: state === 'OPEN' ? 1 : state === 'HALF_OPEN' ? 0.5 : 0,
    threshold: 1,
    message: `circuit breaker ${name} is ${state}`,
    holdOnly: state === 'HALF_OPEN',
  };
}
