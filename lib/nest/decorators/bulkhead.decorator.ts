import type { BulkheadOptions } from '../../core/index.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Limits concurrent executions of the method; callers beyond `maxConcurrent` + `maxQueue`
 * get `BulkheadRejectedError` (503 on a controller).
 *
 * @example
 * ```ts
 * @Bulkhead({ maxConcurrent: 4, maxQueue: 10 })
 * async render() { ... }
 * ```
 */
export function Bulkhead(nameOrOptions: string | BulkheadOptions = {}): MethodDecorator {
  return setResilienceMetadata({ bulkhead: nameOrOptions });
}
