import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Prediction } from '../../core/predict/index.js';
import { MemoryControllerService } from '../../memory/memory-controller.service.js';
import { ResilienceEvents } from '../../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { PolicyRegistry } from '../../nest/policies/policy-registry.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import type { PreventionAction, PreventionKind } from './prevention-action.js';
import { isAboutMemory, serviceOf } from './prevention-targets.js';

const KEPT_ACTIONS = 50;

/**
 * The opt-in actions of `predictive.prevention`, taken once per alert: a standard memory
 * cleanup on an alert about memory; for an alert about a service, opening its breaker early
 * and lowering its adaptive rate limit (the breaker and limiter named like the service).
 * An action is taken at most once per target within the precursor window. Each is logged
 * at warn, published as `prediction.prevention` and kept (the last 50).
 */
@Injectable()
export class PreventionActions {
  private readonly logger = new Logger('Resilience');
  private readonly taken: PreventionAction[] = [];
  /** When each action was last taken on each target, so that two alerts do not double it. */
  private readonly lastTaken = new Map<string, number>();

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly registry: PolicyRegistry,
    private readonly memory: MemoryControllerService,
    private readonly events: ResilienceEvents,
  ) {}

  /** Takes the enabled actions that apply to `alert`. */
  onAlert(alert: Prediction): void {
    const { memoryCleanup, openBreakersEarly, lowerAdaptiveLimits } =
      this.options.predictive.prevention;
    if (memoryCleanup && isAboutMemory(alert) && this.due('memoryCleanup', 'memory')) {
      this.memory.manualCleanup('standard').then(
        (report) =>
          this.report(
            'memoryCleanup',
            'memory',
            alert,
            'done',
            `ran ${report.ran.length} cleanables`,
          ),
        (error: unknown) => this.report('memoryCleanup', 'memory', alert, 'failed', String(error)),
      );
    }
    const service = serviceOf(alert);
    if (service === undefined) return;
    if (openBreakersEarly) this.openBreaker(service, alert);
    if (lowerAdaptiveLimits) this.lowerLimit(service, alert);
  }

  /** The latest actions, oldest first. */
  actions(): readonly PreventionAction[] {
    return this.taken;
  }

  /** True unless the action was taken on the target within the precursor window; claims it. */
  private due(action: PreventionKind, target: string): boolean {
    const key = `${action}|${target}`;
    const now = Date.now();
    const last = this.lastTaken.get(key);
    if (last !== undefined && now - last < this.options.predictive.precursorWindowMs) return false;
    if (this.lastTaken.size >= KEPT_ACTIONS * 4) this.lastTaken.clear();
    this.lastTaken.set(key, now);
    return true;
  }

  private openBreaker(service: string, alert: Prediction): void {
    const breaker = this.registry.findBreaker(service);
    if (breaker === undefined || breaker.state !== 'CLOSED') return;
    if (!this.due('openBreaker', service)) return;
    breaker.open();
    this.report('openBreaker', service, alert, 'done', `opened before the predicted failure`);
  }

  /**
   * Lowers the adaptive limit through its own AIMD: enough failed outcomes to make the
   * current window unhealthy (if it admitted no more than its limit), so that it backs off
   * when the window ends. The rate limiter has no direct "lower now" control.
   */
  private lowerLimit(service: string, alert: Prediction): void {
    const limiter = this.registry.findLimiter(service);
    if (limiter === undefined || limiter.rule.algorithm !== 'adaptive') return;
    if (!this.due('lowerAdaptiveLimit', service)) return;
    const { effectiveLimit } = limiter.stats();
    const healthyShare = limiter.rule.adaptiveThreshold;
    const failures = Math.ceil((effectiveLimit * (1 - healthyShare)) / healthyShare) + 1;
    for (let i = 0; i < failures; i++) limiter.recordOutcome(false);
    this.report(
      'lowerAdaptiveLimit',
      service,
      alert,
      'done',
      `limit ${effectiveLimit} backs off at the end of its window`,
    );
  }

  private report(
    action: PreventionKind,
    target: string,
    alert: Prediction,
    outcome: PreventionAction['outcome'],
    detail: string,
  ): void {
    const { kind, confidence, predictedAt } = alert;
    const prediction = { target: alert.target, kind, confidence, predictedAt };
    const taken = { action, target, at: Date.now(), prediction, outcome, detail };
    this.taken.push(taken);
    if (this.taken.length > KEPT_ACTIONS) this.taken.shift();
    const message = `Prevention: ${action} on ${target} for ${kind} alert on ${alert.target} (confidence ${confidence.toFixed(2)}): ${outcome}, ${detail}`;
    if (outcome === 'done') this.logger.warn(message);
    else this.logger.error(message);
    this.events.emit('prediction.prevention', taken);
  }
}
