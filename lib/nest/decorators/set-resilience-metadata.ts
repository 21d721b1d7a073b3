import { RESILIENCE_METADATA } from '../resilience.constants.js';
import type { ResilienceMetadata } from './resilience-metadata.js';

/**
 * Merges `entry` into the method's resilience metadata. Decorators only store metadata;
 * the interceptor (controllers) and the explorer (providers) act on it.
 */
export function setResilienceMetadata(entry: ResilienceMetadata): MethodDecorator {
  return (_target, _propertyKey, descriptor) => {
    const method = descriptor.value as object;
    const existing = (Reflect.getMetadata(RESILIENCE_METADATA, method) ?? {}) as ResilienceMetadata;
    Reflect.defineMetadata(RESILIENCE_METADATA, { ...existing, ...entry }, method);
    return descriptor;
  };
}
