import { getHeapStatistics } from 'node:v8';

/** Heap used, in percent of the heap limit V8 enforces (what runs out first). */
export function heapUsedPercent(): number {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  return limit > 0 ? (used / limit) * 100 : 0;
}
