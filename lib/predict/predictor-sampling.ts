import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { scheduleInterval } from '../metrics/scheduled-interval.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { PredictorService } from './predictor.service.js';
import { PREDICTOR_SAMPLER, type MetricSampler } from './sampling/metric-sampler.js';

const INTERVAL_NAME = 'nestjs-bulwark:predictor-sampling';

/**
 * Samples every `predictive.sampleIntervalMs` through `SchedulerRegistry` while
 * `predictive.enabled`; a sample still running when the next is due skips that one. On
 * shutdown the interval is removed, the running sample awaited and the sampler stopped.
 */
@Injectable()
export class PredictorSampling implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Resilience');
  private running?: Promise<unknown>;
  private unschedule?: () => void;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    @Inject(PREDICTOR_SAMPLER) private readonly sampler: MetricSampler,
    private readonly predictor: PredictorService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.predictive.enabled) return;
    this.sampler.start?.();
    this.unschedule = scheduleInterval(
      this.scheduler,
      INTERVAL_NAME,
      this.options.predictive.sampleIntervalMs,
      () => this.tick(),
      (error) => this.logger.error(`Sampling for prediction failed: ${String(error)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.unschedule?.();
    await this.running?.catch(() => undefined);
    this.sampler.stop?.();
  }

  /** Starts a sample unless one is still running; its error goes to the schedule's logger. */
  private tick(): Promise<unknown> | undefined {
    if (this.running) return undefined;
    this.running = this.predictor.sampleNow().finally(() => (this.running = undefined));
    return this.running;
  }
}
