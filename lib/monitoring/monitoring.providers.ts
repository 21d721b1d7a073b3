import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { PolicyRegistry } from '../nest/policies/policy-registry.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { MonitorFeed } from './monitor-feed.js';
import type { MonitorSettings } from './monitor-settings.js';
import { categorizerOf, predictionsOf } from './optional-capabilities.js';
import { MonitoringScheduler } from './monitoring.scheduler.js';
import { ResilienceMonitor } from './resilience-monitor.js';

/** The monitor's settings from the module options (memory levels come from `memory`). */
export function monitorSettingsOf(options: ResolvedResilienceOptions): MonitorSettings {
  return {
    ...options.monitoring,
    memoryWarningPercent: options.memory.warningPercent,
    memoryCriticalPercent: options.memory.criticalPercent,
    retentionMs: options.metrics.retentionHours * 3_600_000,
    predictionAlertConfidence: options.predictive.alertConfidence,
  };
}

/** The app's {@link ResilienceMonitor}: breakers and limiters from the registry, predictions from the predictor. */
export const resilienceMonitorProvider: Provider = {
  provide: ResilienceMonitor,
  useFactory: (
    options: ResolvedResilienceOptions,
    registry: PolicyRegistry,
    moduleRef: ModuleRef,
  ) =>
    new ResilienceMonitor({
      settings: monitorSettingsOf(options),
      sources: {
        breakers: () => registry.allBreakers().map((breaker) => breaker.stats()),
        limiters: () => registry.allLimiters().map((limiter) => limiter.stats()),
        predictions: () => predictionsOf(moduleRef),
      },
      categorize: categorizerOf(moduleRef),
    }),
  inject: [RESILIENCE_OPTIONS, PolicyRegistry, ModuleRef],
};

/** The monitor, what feeds it, and its schedule. */
export const MONITORING_PROVIDERS: Provider[] = [
  resilienceMonitorProvider,
  MonitorFeed,
  MonitoringScheduler,
];
