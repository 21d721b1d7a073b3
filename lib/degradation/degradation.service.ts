import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FeatureDisabledError } from '../core/errors/index.js';
import { systemClock, type Unsubscribe } from '../core/index.js';
import { isCriticalBreaker } from '../health/critical-breakers.js';
import { DependencyHealthService } from '../health/dependency-health.service.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import type { FeatureGate } from '../nest/policies/feature-gate.js';
import { PolicyRegistry } from '../nest/policies/policy-registry.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import type { DegradationLevel } from './degradation-level.js';
import { degradationReporter } from './degradation-reporter.js';
import { assessDegradation, type DegradationAssessment } from './degradation-rules.js';
import { DegradationState, type DegradationOverride } from './degradation-state.js';
import { FeatureSwitches, type FeatureOptions, type FeatureStatus } from './feature-switches.js';

/** The degradation level, why, the override in force and the declared features. */
export interface DegradationStatus {
  level: DegradationLevel;
  /** What the rules say (the level unless an override is in force). */
  computedLevel: DegradationLevel;
  /** The rules that apply now. */
  reasons: string[];
  override: DegradationOverride | null;
  features: FeatureStatus[];
}

/**
 * The system's degradation level, from dependency health and breaker states by the rules
 * of `assessDegradation` (re-evaluated on every dependency status change and breaker state
 * change), or set by hand with a reason and an optional expiry. Every level change is a
 * `degradation.levelChange` event and a log line. Features switch off at their level.
 */
@Injectable()
export class DegradationService implements FeatureGate, OnModuleInit, OnApplicationShutdown {
  private readonly features = new FeatureSwitches();
  private readonly subscriptions: Unsubscribe[] = [];
  private readonly state: DegradationState;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly events: ResilienceEvents,
    private readonly dependencies: DependencyHealthService,
    private readonly registry: PolicyRegistry,
  ) {
    this.state = new DegradationState(systemClock, degradationReporter(events));
  }

  onModuleInit(): void {
    const evaluate = () => void this.evaluate();
    this.subscriptions.push(
      this.events.on('dependency.statusChange', evaluate),
      this.events.on('dependency.unregistered', evaluate),
      this.events.on('circuit.stateChange', evaluate),
    );
  }

  /** The effective level (the override's while one is in force). */
  get level(): DegradationLevel {
    return this.state.level;
  }

  status(): DegradationStatus {
    const override = this.state.override;
    return {
      level: this.state.level,
      computedLevel: this.state.computed.level,
      reasons: [...this.state.computed.reasons],
      override: override ?? null,
      features: this.features.list(this.state.level),
    };
  }

  /** Re-applies the rules to the current dependency health and breaker states. */
  evaluate(): DegradationAssessment {
    const critical = this.options.healthChecking.criticalBreakers;
    const assessment = assessDegradation({
      dependencies: this.dependencies.list(),
      breakers: this.registry.allBreakers().map(({ name, state }) => ({
        name,
        state,
        critical: isCriticalBreaker(name, critical),
      })),
    });
    this.state.update(assessment);
    return assessment;
  }

  /** Forces a level with a reason, optionally only for `expiresInMs`. */
  setLevel(level: DegradationLevel, reason: string, expiresInMs?: number): DegradationOverride {
    return this.state.setOverride(level, reason, expiresInMs);
  }

  /** Returns to the computed level; `false` when no override was in force. */
  clearOverride(): boolean {
    return this.state.clearOverride();
  }

  /** Declares a feature that switches off at `disableAt` and worse. */
  registerFeature(name: string, options: FeatureOptions): void {
    this.features.register(name, options);
  }

  /** False while the level is at or beyond the feature's `disableAt`; true for undeclared features. */
  isFeatureEnabled(name: string): boolean {
    return this.features.isEnabled(name, this.state.level);
  }

  declareFeature(name: string, disableAt: DegradationLevel): void {
    this.registerFeature(name, { disableAt });
  }

  assertFeatureEnabled(name: string): void {
    if (this.isFeatureEnabled(name)) return;
    const disableAt = this.features.disableAtOf(name) as DegradationLevel;
    throw new FeatureDisabledError(name, this.state.level, disableAt);
  }

  isDegraded(): boolean {
    return this.state.level !== 'NORMAL';
  }

  onApplicationShutdown(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.state.dispose();
  }
}
