import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** One reading of the process's memory. */
export interface MemoryReading {
  readonly heapUsedBytes: number;
  /** The V8 heap limit (`--max-old-space-size` or its default). */
  readonly heapLimitBytes: number;
  readonly rssBytes: number;
  /** The memory the process may use: the container's limit when there is one, else the host's. */
  readonly systemTotalBytes: number;
}

/** Where readings come from; tests replace it to script pressure. */
export interface MemoryReader {
  read(): MemoryReading;
}

/** Heap used against the heap limit, and RSS against the memory available, in percent. */
export interface MemoryPressure {
  readonly heapUsedPercent: number;
  readonly rssPercent: number;
  /** The higher of the two: what the levels are judged on. */
  readonly percent: number;
}

/** Reads this process: `v8.getHeapStatistics()`, `process.memoryUsage.rss()` and total memory. */
export const processMemoryReader: MemoryReader = {
  read(): MemoryReading {
    const heap = getHeapStatistics();
    const host = totalmem();
    const constrained = process.constrainedMemory?.() ?? 0;
    return {
      heapUsedBytes: heap.used_heap_size,
      heapLimitBytes: heap.heap_size_limit,
      rssBytes: process.memoryUsage.rss(),
      systemTotalBytes: constrained > 0 && constrained < host ? constrained : host,
    };
  },
};

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The pressure a reading shows. */
export function pressureOf(reading: MemoryReading): MemoryPressure {
  const heapUsedPercent = percent(reading.heapUsedBytes, reading.heapLimitBytes);
  const rssPercent = percent(reading.rssBytes, reading.systemTotalBytes);
  return { heapUsedPercent, rssPercent, percent: Math.max(heapUsedPercent, rssPercent) };
}
