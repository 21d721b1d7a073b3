import type { Prediction } from '../../core/predict/index.js';

/** What a prevention action does. */
export type PreventionKind = 'memoryCleanup' | 'lowerAdaptiveLimit' | 'openBreaker';

/** A prevention action taken (or attempted) on an alert; logged and reported. */
export interface PreventionAction {
  readonly action: PreventionKind;
  /** The breaker or limiter acted on, or `memory`. */
  readonly target: string;
  readonly at: number;
  /** The alert that caused it. */
  readonly prediction: Pick<Prediction, 'target' | 'kind' | 'confidence' | 'predictedAt'>;
  readonly outcome: 'done' | 'failed';
  readonly detail: string;
}
