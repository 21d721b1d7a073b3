import type { CleanupReport } from '../core/memory/index.js';

/** Events of the memory controller on the app's event bus. */
export interface MemoryEventMap {
  /** A cleanup ran (scheduled under pressure, on demand, or as a prevention action). */
  'memory.cleanup': CleanupReport;
}
