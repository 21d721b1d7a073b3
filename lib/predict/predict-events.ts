import type { Prediction } from '../core/predict/index.js';
import type { PreventionAction } from './prevention/prevention-action.js';

/** Events of the predictor on the app's event bus. */
export interface PredictEventMap {
  /** A prediction reached `predictive.alertConfidence` (once per alert, not per sample). */
  'prediction.alert': Prediction;
  /** An opt-in prevention action ran on an alert. */
  'prediction.prevention': PreventionAction;
}
