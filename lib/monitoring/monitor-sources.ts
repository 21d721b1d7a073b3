import type { CircuitBreakerStats, RateLimiterStats } from '../core/index.js';
import { heapUsedPercent } from './memory-usage.js';

/** The part of a failure prediction the monitor reads (DESIGN §5a). */
export interface PredictionReading {
  target: string;
  kind: string;
  predictedAt: number;
  confidence: number;
  recommendation: string;
}

/** What the monitor reads from the app's policies (the module wires the registry here). */
export interface MonitorSources {
  breakers(): CircuitBreakerStats[];
  limiters(): RateLimiterStats[];
  /** Heap used in percent of the heap limit. */
  memoryPercent(): number;
  /** The current failure predictions (none when the app does not predict). */
  predictions(): PredictionReading[];
}

/** The given sources; the missing ones read nothing (memory: this process's heap). */
export function withDefaults(sources: Partial<MonitorSources> = {}): MonitorSources {
  return {
    breakers: () => [],
    limiters: () => [],
    memoryPercent: heapUsedPercent,
    predictions: () => [],
    ...sources,
  };
}

/** Mean breaker health (100 without breakers), minus 10 per critical and 5 per warning alert. */
export function healthScoreOf(
  breakers: readonly { healthScore: number }[],
  alerts: readonly { severity: 'warning' | 'critical' }[],
): number {
  const mean =
    breakers.length === 0
      ? 100
      : breakers.reduce((sum, breaker) => sum + breaker.healthScore, 0) / breakers.length;
  const penalty = alerts.reduce((sum, a) => sum + (a.severity === 'critical' ? 10 : 5), 0);
  return Math.max(0, Math.min(100, Math.round(mean - penalty)));
}
