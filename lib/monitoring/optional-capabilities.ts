import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { classifyError, type ErrorClassification } from '../core/index.js';
import { PredictorService } from '../predict/predictor.service.js';
import { ErrorClassifier } from '../recovery/error-classifier.js';
import type { ErrorCategorizer } from './monitor-settings.js';
import type { PredictionReading } from './monitor-sources.js';

/** The provider of `type` anywhere in the app, or `undefined` when the app has none. */
function find<T>(moduleRef: ModuleRef, type: Type<T>): T | undefined {
  try {
    return moduleRef.get(type, { strict: false });
  } catch {
    return undefined;
  }
}

/** The app's current predictions, or none when it has no predictor. */
export function predictionsOf(moduleRef: ModuleRef): PredictionReading[] {
  return find(moduleRef, PredictorService)?.getPredictions() ?? [];
}

/**
 * Categories from the app's `ErrorClassifier` (with the user's rules), else the built-in
 * classification; looked up on first use, when every provider exists. Without a context,
 * so the monitor's readings feed no correlation.
 */
export function categorizerOf(moduleRef: ModuleRef): ErrorCategorizer {
  let classify: ((error: unknown) => ErrorClassification) | undefined;
  return (error) => {
    if (!classify) {
      const classifier = find(moduleRef, ErrorClassifier);
      classify = classifier ? (e) => classifier.classify(e) : classifyError;
    }
    return classify(error).category;
  };
}
