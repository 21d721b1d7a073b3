import type { ResilienceEvents } from '../../nest/events/resilience-events.js';
import { BreakerSignals } from './breaker-signals.js';
import { sampleHost } from './host-metrics.js';
import type { MetricSampler } from './metric-sampler.js';
import { ProcessMetrics } from './process-metrics.js';

/**
 * The default sampler: the host (`system.*`), this process (`process.*`) and, when
 * `watchBreakers`, every breaker's error rate and latency (`service.<name>.*`).
 */
export class SystemMetricSampler implements MetricSampler {
  private readonly process = new ProcessMetrics();
  private readonly breakers?: BreakerSignals;

  constructor(events: ResilienceEvents, watchBreakers: boolean) {
    if (watchBreakers) this.breakers = new BreakerSignals(events);
  }

  async sample(): Promise<Record<string, number>> {
    const host = await sampleHost();
    return { ...host, ...this.process.sample(), ...this.breakers?.drain() };
  }

  start(): void {
    this.process.start();
  }

  stop(): void {
    this.process.stop();
  }
}
