import type { Provider } from '@nestjs/common';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { PredictorSampling } from './predictor-sampling.js';
import { PredictorService } from './predictor.service.js';
import { PreventionActions } from './prevention/prevention-actions.js';
import { PREDICTOR_SAMPLER } from './sampling/metric-sampler.js';
import { SystemMetricSampler } from './sampling/system-metric-sampler.js';

/** The default sampler; breakers are watched only when scheduled sampling is on. */
export const predictorSamplerProvider: Provider = {
  provide: PREDICTOR_SAMPLER,
  useFactory: (events: ResilienceEvents, options: ResolvedResilienceOptions) =>
    new SystemMetricSampler(events, options.predictive.enabled),
  inject: [ResilienceEvents, RESILIENCE_OPTIONS],
};

/** The prediction capability's providers. */
export const PREDICT_PROVIDERS: Provider[] = [
  predictorSamplerProvider,
  PreventionActions,
  PredictorService,
  PredictorSampling,
];

/** What the module exports of it. */
export const PREDICT_EXPORTS = [PredictorService, PREDICTOR_SAMPLER];
