import { ResilienceError } from './resilience.error.js';

/** The feature is switched off at the current degradation level; the call did not run. */
export class FeatureDisabledError extends ResilienceError {
  constructor(
    /** The feature's name. */
    readonly feature: string,
    /** The degradation level in force. */
    readonly level: string,
    /** The level at which the feature switches off. */
    readonly disableAt: string,
  ) {
    super(
      `Feature "${feature}" is disabled at degradation level ${level} (off from ${disableAt})`,
      'FEATURE_DISABLED',
    );
  }
}
