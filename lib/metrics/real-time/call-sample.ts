import type { ResilienceStats } from '../../nest/resilience.service.js';
import type { LatencyReading } from '../resilience-metrics.js';

/** Cumulative counts of every policy at one instant; two samples make rates. */
export interface CallSample {
  at: number;
  stats: ResilienceStats;
  /** Latency counts by breaker name (keyed breakers as one), with metrics on. */
  latency: Map<string, LatencyReading>;
}

/** Reads every policy's counters now (`latencyOf` returns copies, not live tallies). */
export function takeSample(
  at: number,
  stats: ResilienceStats,
  latency: { names(): string[]; of(name: string): LatencyReading | undefined },
): CallSample {
  const readings = new Map<string, LatencyReading>();
  for (const name of latency.names()) {
    const reading = latency.of(name);
    if (reading) readings.set(name, reading);
  }
  return { at, stats, latency: readings };
}
