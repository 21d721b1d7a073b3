import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MemoryControllerService, PredictorService, type Prediction } from 'nestjs-bulwark';

const HOUR_MS = 3_600_000;

/**
 * Logs each prediction alert under `Predictions` and keeps the recent ones for
 * GET /predictions/alerts. The kept alerts are a cleanable: under memory pressure the old
 * ones go first, and all of them in a critical cleanup.
 */
@Injectable()
export class AlertLog implements OnModuleInit {
  private readonly logger = new Logger('Predictions');
  private readonly alerts: { at: number; alert: Prediction }[] = [];

  constructor(
    private readonly predictor: PredictorService,
    private readonly memory: MemoryControllerService,
  ) {}

  onModuleInit(): void {
    this.predictor.onAlert((alert) => this.keep(alert));
    this.memory.registerCleanable({
      name: 'sample alert log',
      priority: 30,
      cleanup: (level) => this.dropOlderThan(level === 'standard' ? HOUR_MS : 0),
      size: () => this.alerts.length,
    });
  }

  /** The alerts kept, newest first. */
  recent(): Prediction[] {
    return this.alerts.map(({ alert }) => alert).reverse();
  }

  private keep(alert: Prediction): void {
    this.logger.warn(
      `${alert.kind} alert on ${alert.target} (confidence ${alert.confidence.toFixed(2)}): ${alert.recommendation}`,
    );
    this.alerts.push({ at: Date.now(), alert });
    if (this.alerts.length > 100) this.alerts.shift();
  }

  private dropOlderThan(ageMs: number): number {
    const kept = this.alerts.filter(({ at }) => Date.now() - at < ageMs);
    const dropped = this.alerts.length - kept.length;
    this.alerts.splice(0, this.alerts.length, ...kept);
    return dropped;
  }
}
