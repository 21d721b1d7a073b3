import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { pressureOf, processMemoryReader } from '../../core/memory/index.js';

const MB = 1024 * 1024;
const NS_PER_MS = 1e6;

/**
 * This process: heap used (MB and percent of the heap limit), RSS (MB and percent of the
 * memory available) and, while started, the event loop's delay since the last sample (mean
 * and p99, from `perf_hooks.monitorEventLoopDelay`).
 */
export class ProcessMetrics {
  private histogram?: IntervalHistogram;

  /** Starts measuring event-loop delay. */
  start(): void {
    this.histogram ??= monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
  }

  /** Stops measuring event-loop delay. */
  stop(): void {
    this.histogram?.disable();
  }

  sample(): Record<string, number> {
    const reading = processMemoryReader.read();
    const { heapUsedPercent, rssPercent } = pressureOf(reading);
    const metrics: Record<string, number> = {
      'process.heapUsedPercent': heapUsedPercent,
      'process.heapUsedMb': reading.heapUsedBytes / MB,
      'process.rssPercent': rssPercent,
      'process.rssMb': reading.rssBytes / MB,
    };
    const histogram = this.histogram;
    if (histogram && histogram.count > 0) {
      metrics['process.eventLoopDelayMs'] = histogram.mean / NS_PER_MS;
      metrics['process.eventLoopDelayP99Ms'] = histogram.percentile(99) / NS_PER_MS;
      histogram.reset();
    }
    return metrics;
  }
}
