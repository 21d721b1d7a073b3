export { PredictorService } from './predictor.service.js';
export { PREDICTOR_SAMPLER, type MetricSampler } from './sampling/metric-sampler.js';
export { SystemMetricSampler } from './sampling/system-metric-sampler.js';
export type { PreventionAction, PreventionKind } from './prevention/prevention-action.js';
export type { PredictionsResponse } from './predictions.controller.js';
