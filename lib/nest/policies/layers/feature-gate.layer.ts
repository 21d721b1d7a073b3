import {
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
} from '../../../core/index.js';
import type { FeatureGate, FeatureSetting } from '../feature-gate.js';
import type { Layer } from '../layer.js';

/**
 * Adds the gate of a `@DegradableFeature` to a method's layers, directly inside its
 * fallback (outermost when it has none): a switched-off feature rejects with
 * `FeatureDisabledError` before anything runs, only the fallback answers it, and no retry,
 * breaker or limiter counts it.
 */
export function withFeatureGate(
  layers: readonly Layer[],
  feature: FeatureSetting | undefined,
  gate: FeatureGate | undefined,
): Layer[] {
  if (!feature || !gate) return [...layers];
  gate.declareFeature(feature.name, feature.disableAt);
  const policy: Policy = {
    execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
      try {
        gate.assertFeatureEnabled(feature.name);
      } catch (error) {
        return Promise.reject(error);
      }
      return invokeGuarded(fn, toExecutionContext(options));
    },
  };
  const inside = layers.findIndex((layer) => layer.kind === 'fallback') + 1;
  const gateLayer: Layer = { kind: 'feature', target: policy };
  return [...layers.slice(0, inside), gateLayer, ...layers.slice(inside)];
}
