import type { CircuitBreakerDecoratorOptions } from '../../decorators/decorator-options.types.js';
import type { Layer } from '../layer.js';
import type { PolicyRegistry } from '../policy-registry.js';
import { executeWithKey } from './keyed-call.js';

/** A method's breaker: shared by name in the registry; split per key when `key` is set. */
export function circuitBreakerLayer(
  registry: PolicyRegistry,
  name: string,
  options: CircuitBreakerDecoratorOptions,
): Layer {
  const { key: keyOf, ...breakerOptions } = options;
  if (!keyOf) {
    return { kind: 'circuitBreaker', target: registry.breaker(name, breakerOptions) };
  }
  const group = registry.keyedBreaker(name, breakerOptions);
  const keyFor = keyOf as (...args: unknown[]) => string;
  return {
    kind: 'circuitBreaker',
    target: group,
    executeFor: ({ args }, fn, callOptions) =>
      executeWithKey(group, fn, callOptions, args, String(keyFor(...args))),
  };
}
