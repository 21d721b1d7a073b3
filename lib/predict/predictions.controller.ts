import { Controller, Get, type Type } from '@nestjs/common';
import type { LearnedPattern, Prediction } from '../core/predict/index.js';
import { PredictorService } from './predictor.service.js';
import type { PreventionAction } from './prevention/prevention-action.js';

/** The body of `GET /resilience/predictions`. */
export interface PredictionsResponse {
  /** Predictions at or above it are alerts. */
  alertConfidence: number;
  /** Most confident first. */
  predictions: Prediction[];
  /** The ten most confident learned patterns. */
  learnedPatterns: LearnedPattern[];
  preventionActions: readonly PreventionAction[];
}

/** Builds the predictions controller under the resilience prefix (default `resilience`). */
export function createPredictionsController(prefix: string): Type<unknown> {
  @Controller(prefix)
  class PredictionsController {
    constructor(private readonly predictor: PredictorService) {}

    /** The current predictions, with the patterns and actions behind them. */
    @Get('predictions')
    predictions(): PredictionsResponse {
      return {
        alertConfidence: this.predictor.alertConfidence,
        predictions: this.predictor.getPredictions(),
        learnedPatterns: this.predictor.getLearnedPatterns().slice(0, 10),
        preventionActions: this.predictor.getPreventionActions(),
      };
    }
  }
  return PredictionsController;
}
