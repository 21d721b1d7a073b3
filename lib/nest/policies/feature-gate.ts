import type { DegradationLevel } from '../../degradation/degradation-level.js';

/** Injection token of the {@link FeatureGate} (the `DegradationService`). */
export const FEATURE_GATE = Symbol('RESILIENCE:FEATURE_GATE');

/** What the pipeline asks of degradation: declared features and whether they may run now. */
export interface FeatureGate {
  /** Declares a feature that switches off at `disableAt` and worse (at start-up). */
  declareFeature(name: string, disableAt: DegradationLevel): void;
  /** Throws `FeatureDisabledError` while the feature is switched off. */
  assertFeatureEnabled(name: string): void;
  /** Whether the system is degraded now (serves `@Fallback`'s `degradedValue`). */
  isDegraded(): boolean;
}

/** A method's `@DegradableFeature`. */
export interface FeatureSetting {
  name: string;
  disableAt: DegradationLevel;
}
