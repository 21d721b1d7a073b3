export type {
  LearnedPattern,
  Prediction,
  PredictionDetails,
  PredictionKind,
  RecordedFailure,
} from './prediction.js';
export type { PredictorOptions } from './predictor.settings.js';
export { Predictor } from './predictor.js';
export { calibratedProbability, priorFor, type BetaPrior } from './calibration.js';
export { AlertDispatcher, type AlertListener } from './alert-dispatcher.js';
