export type { Cleanable, CleanupLevel, MemoryLevel } from './cleanable.js';
export type {
  CleanableRun,
  CleanupReport,
  MemoryControllerOptions,
  MemoryStats,
  MemoryThresholds,
} from './memory-controller.types.js';
export {
  processMemoryReader,
  pressureOf,
  type MemoryPressure,
  type MemoryReader,
  type MemoryReading,
} from './memory-pressure.js';
export { MemoryController } from './memory-controller.js';
