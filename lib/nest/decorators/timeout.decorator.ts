import type { TimeoutOptions } from '../../core/index.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Rejects with `PolicyTimeoutError` (504 on a controller) when the method takes longer
 * than `ms`, and aborts the signal the policies hand down.
 *
 * @example
 * ```ts
 * @Timeout(2_000)
 * async quote() { ... }
 * ```
 */
export function Timeout(
  msOrOptions: number | string | Omit<TimeoutOptions, 'clock'>,
): MethodDecorator {
  return setResilienceMetadata({ timeout: msOrOptions });
}
