import type { Type } from '@nestjs/common';
import type { CheckpointService } from '../checkpoints/checkpoint.service.js';
import type { DegradationService } from '../degradation/degradation.service.js';
import type { DeadLetterQueueService } from '../dlq/dead-letter-queue.service.js';
import type { DependencyHealthService } from '../health/dependency-health.service.js';
import type { MemoryControllerService } from '../memory/memory-controller.service.js';
import type { ResilienceMetrics } from '../metrics/resilience-metrics.js';
import type { ResilienceMonitor } from '../monitoring/resilience-monitor.js';
import type { PredictorService } from '../predict/predictor.service.js';
import type { RecoveryOrchestrator } from '../recovery-plans/recovery-orchestrator.js';
import type { ErrorClassifier } from '../recovery/error-classifier.js';
import type { RecoveryService } from '../recovery/recovery.service.js';
import type { RateLimiterService } from './rate-limit/rate-limiter.service.js';

/** Every capability provider the module registers, by the name the facade gives it. */
export interface ResilienceCapabilities {
  dependencies: DependencyHealthService;
  degradation: DegradationService;
  classifier: ErrorClassifier;
  recovery: RecoveryService;
  checkpoints: CheckpointService;
  recoveryPlans: RecoveryOrchestrator;
  predictor: PredictorService;
  memory: MemoryControllerService;
  monitor: ResilienceMonitor;
  metrics: ResilienceMetrics;
  rateLimiters: RateLimiterService;
  deadLetters: DeadLetterQueueService;
}

/** The class of each capability, handed to the facade as a value so no import cycle forms. */
export type ResilienceCapabilityTypes = {
  [K in keyof ResilienceCapabilities]: Type<ResilienceCapabilities[K]>;
};

/** Injection token of {@link ResilienceCapabilityTypes}. */
export const RESILIENCE_CAPABILITY_TYPES = Symbol('RESILIENCE:CAPABILITY_TYPES');
