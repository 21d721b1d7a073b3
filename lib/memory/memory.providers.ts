import type { Provider } from '@nestjs/common';
import { MEMORY_PRESSURE_SOURCE } from '../health/index.js';
import { MemoryControllerService } from './memory-controller.service.js';
import { MEMORY_READER, memoryReaderProvider } from './memory.tokens.js';

/**
 * The memory controller offered to the health module's memory indicator, which reads the
 * pressure level as `pressureLevel`.
 */
const memoryHealthSourceProvider: Provider = {
  provide: MEMORY_PRESSURE_SOURCE,
  useFactory: (memory: MemoryControllerService) => ({
    getMemoryStats: () => {
      const stats = memory.getMemoryStats();
      return { ...stats, pressureLevel: stats.level };
    },
  }),
  inject: [MemoryControllerService],
};

/** The memory capability's providers. */
export const MEMORY_PROVIDERS: Provider[] = [
  memoryReaderProvider,
  MemoryControllerService,
  memoryHealthSourceProvider,
];

/** What the module exports of it. */
export const MEMORY_EXPORTS = [MemoryControllerService, MEMORY_READER];
