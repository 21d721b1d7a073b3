export { MemoryControllerService } from './memory-controller.service.js';
export { MEMORY_READER } from './memory.tokens.js';
