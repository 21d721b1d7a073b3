import type { FallbackDecoratorOptions, FallbackHandler } from './decorator-options.types.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Answers with a fallback when the method (and every policy inside it) fails: a method
 * of the same class, a function, or a chain of layers. A fallback gets the original
 * arguments followed by the error.
 *
 * @example
 * ```ts
 * @Fallback('cachedRates')
 * async liveRates(currency: string) { ... }
 * cachedRates(currency: string, error: unknown) { ... }
 * ```
 */
export function Fallback(
  methodNameOrHandler: string | FallbackHandler | FallbackDecoratorOptions,
): MethodDecorator {
  return setResilienceMetadata({ fallback: methodNameOrHandler });
}
