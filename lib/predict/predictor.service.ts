import { Inject, Injectable } from '@nestjs/common';
import type { Unsubscribe } from '../core/events/index.js';
import {
  AlertDispatcher,
  Predictor,
  type AlertListener,
  type LearnedPattern,
  type Prediction,
  type RecordedFailure,
} from '../core/predict/index.js';
import { MemoryControllerService } from '../memory/memory-controller.service.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { predictorOptionsFrom } from './predictor-options.js';
import type { PreventionAction } from './prevention/prevention-action.js';
import { PreventionActions } from './prevention/prevention-actions.js';
import { PREDICTOR_SAMPLER, type MetricSampler } from './sampling/metric-sampler.js';

/** A breaker that trips on its own (not opened by hand or by a prevention action) is a failure. */
const TRIP_REASONS = new Set(['consecutiveFailures', 'failureRate', 'slowCallRate']);

/**
 * Failure prediction (DESIGN §5, §5a): anomalies, trends and learned failure patterns over
 * the sampled metrics, each with a calibrated confidence. A prediction at or above
 * `predictive.alertConfidence` is an alert: `onAlert` listeners hear it once, the bus
 * publishes `prediction.alert`, and the opt-in prevention actions run. A breaker tripping is
 * recorded as a failure of the service it is named after.
 *
 * @example
 * predictor.onAlert((alert) => logger.warn(`${alert.target}: ${alert.recommendation}`));
 * predictor.recordFailurePattern(['payments'], { reason: 'pool exhausted' });
 */
@Injectable()
export class PredictorService {
  private readonly predictor: Predictor;
  private readonly alerts = new AlertDispatcher();

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    @Inject(PREDICTOR_SAMPLER) private readonly sampler: MetricSampler,
    private readonly prevention: PreventionActions,
    events: ResilienceEvents,
    memory: MemoryControllerService,
  ) {
    this.predictor = new Predictor(predictorOptionsFrom(options));
    memory.registerCleanable({
      name: 'prediction history',
      priority: 20,
      cleanup: (level) => this.predictor.cleanup(level),
      size: () => this.predictor.retainedSamples,
    });
    this.alerts.subscribe((alert) => events.emit('prediction.alert', alert), this.alertConfidence);
    this.alerts.subscribe((alert) => prevention.onAlert(alert), this.alertConfidence);
    events.on('circuit.stateChange', ({ name, to, reason }) => {
      if (to === 'OPEN' && reason !== undefined && TRIP_REASONS.has(reason)) {
        this.recordFailurePattern([name], { reason: `circuit breaker opened (${reason})` });
      }
    });
  }

  /** The confidence at and above which a prediction is an alert. */
  get alertConfidence(): number {
    return this.predictor.settings.alertConfidence;
  }

  /** Takes one sample (`at` in ms, on the trace's own clock when replaying; default now). */
  observe(metrics: Record<string, number>, at?: number): void {
    this.predictor.observe(metrics, at);
    this.alerts.dispatch(this.predictor.predictions(at));
  }

  /** Takes a sample with the configured sampler now and observes it. */
  async sampleNow(): Promise<Record<string, number>> {
    const metrics = await this.sampler.sample();
    this.observe(metrics);
    return metrics;
  }

  /** Records that `servicesAffected` failed; the anomalies before it become a pattern to learn. */
  recordFailurePattern(
    servicesAffected: string[],
    details: Record<string, unknown> = {},
    at?: number,
  ): RecordedFailure {
    return this.predictor.recordFailure(servicesAffected, details, at);
  }

  /** The current predictions, most confident first. */
  getPredictions(at?: number): Prediction[] {
    return this.predictor.predictions(at);
  }

  /** Calls `callback` once each time a prediction reaches `minConfidence` (default: alertConfidence). */
  onAlert(callback: AlertListener, minConfidence = this.alertConfidence): Unsubscribe {
    return this.alerts.subscribe(callback, minConfidence);
  }

  /** The learned failure patterns, most confident first. */
  getLearnedPatterns(): LearnedPattern[] {
    return this.predictor.learnedPatterns();
  }

  /** The recorded failures (the latest 100), oldest first. */
  getRecordedFailures(): readonly RecordedFailure[] {
    return this.predictor.recordedFailures();
  }

  /** Every metric's retained samples (`[at, value]`, oldest first) taken at or after `since`. */
  getSamples(since?: number): Record<string, [number, number][]> {
    return this.predictor.samples(since);
  }

  /** The prevention actions taken (the latest 50), oldest first. */
  getPreventionActions(): readonly PreventionAction[] {
    return this.prevention.actions();
  }
}
