import type { BulkheadOptions } from '../../../core/index.js';
import type { Layer } from '../layer.js';
import type { PolicyRegistry } from '../policy-registry.js';

/** A method's bulkhead (shared when it comes from a named policy). */
export function bulkheadLayer(
  registry: PolicyRegistry,
  name: string,
  options: BulkheadOptions,
): Layer {
  const bulkhead = registry.bulkhead(name, options);
  return { kind: 'bulkhead', target: bulkhead };
}
