import type { Provider } from '@nestjs/common';
import { DegradationService } from '../degradation/degradation.service.js';
import { FEATURE_GATE } from '../nest/policies/feature-gate.js';
import { DependencyHealthService } from './dependency-health.service.js';
import { CircuitBreakersHealthIndicator } from './indicators/circuit-breakers.indicator.js';
import { DegradationHealthIndicator } from './indicators/degradation.indicator.js';
import { DependenciesHealthIndicator } from './indicators/dependencies.indicator.js';
import { DeadLetterQueueHealthIndicator } from './indicators/dlq.indicator.js';
import { HealthIndicatorSet } from './indicators/health-indicator-set.js';
import { MemoryHealthIndicator } from './indicators/memory.indicator.js';
import { ProcessHealthIndicator } from './indicators/process.indicator.js';

/** Dependency health, degradation (also the pipeline's feature gate) and the Terminus indicators. */
export const HEALTH_PROVIDERS: Provider[] = [
  DependencyHealthService,
  DegradationService,
  { provide: FEATURE_GATE, useExisting: DegradationService },
  DependenciesHealthIndicator,
  CircuitBreakersHealthIndicator,
  DegradationHealthIndicator,
  MemoryHealthIndicator,
  DeadLetterQueueHealthIndicator,
  ProcessHealthIndicator,
  HealthIndicatorSet,
];

/** What the module exports of them. */
export const HEALTH_EXPORTS = [DependencyHealthService, DegradationService];
