import type { DegradationLevel } from '../../degradation/degradation-level.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Declares the method as a feature that switches off at a degradation level and worse.
 * While it is off the method does not run: its `@Fallback` answers (the error is
 * `FeatureDisabledError`), or, without one, the call rejects (503 on a controller).
 *
 * @example
 * ```ts
 * @DegradableFeature('recommendations', { disableAt: 'MODERATE' })
 * @Fallback('noRecommendations')
 * async recommendations(userId: string) { ... }
 * ```
 */
export function DegradableFeature(
  name: string,
  options: { disableAt: DegradationLevel },
): MethodDecorator {
  return setResilienceMetadata({ feature: { name, disableAt: options.disableAt } });
}
