import type { Provider } from '@nestjs/common';
import { processMemoryReader } from '../core/memory/index.js';

/** Injection token of the `MemoryReader` the memory controller reads (this process by default). */
export const MEMORY_READER = Symbol('RESILIENCE:MEMORY_READER');

/** Reads this process's heap and RSS; override the token to script pressure in tests. */
export const memoryReaderProvider: Provider = {
  provide: MEMORY_READER,
  useValue: processMemoryReader,
};
