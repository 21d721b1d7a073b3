import type { Provider } from '@nestjs/common';
import { CheckpointService } from '../checkpoints/checkpoint.service.js';
import { DegradationService } from '../degradation/degradation.service.js';
import { DeadLetterQueueService } from '../dlq/dead-letter-queue.service.js';
import { DependencyHealthService } from '../health/dependency-health.service.js';
import { MemoryControllerService } from '../memory/memory-controller.service.js';
import { ResilienceMetrics } from '../metrics/resilience-metrics.js';
import { ResilienceMonitor } from '../monitoring/resilience-monitor.js';
import { PredictorService } from '../predict/predictor.service.js';
import { RecoveryOrchestrator } from '../recovery-plans/recovery-orchestrator.js';
import { ErrorClassifier } from '../recovery/error-classifier.js';
import { RecoveryService } from '../recovery/recovery.service.js';
import { RESILIENCE_CAPABILITY_TYPES, type ResilienceCapabilityTypes } from './capabilities.js';
import { RateLimiterService } from './rate-limit/rate-limiter.service.js';

const capabilityTypes: ResilienceCapabilityTypes = {
  dependencies: DependencyHealthService,
  degradation: DegradationService,
  classifier: ErrorClassifier,
  recovery: RecoveryService,
  checkpoints: CheckpointService,
  recoveryPlans: RecoveryOrchestrator,
  predictor: PredictorService,
  memory: MemoryControllerService,
  monitor: ResilienceMonitor,
  metrics: ResilienceMetrics,
  rateLimiters: RateLimiterService,
  deadLetters: DeadLetterQueueService,
};

/** Lets `ResilienceService` reach every capability without importing (and cycling to) them. */
export const capabilityTypesProvider: Provider = {
  provide: RESILIENCE_CAPABILITY_TYPES,
  useValue: capabilityTypes,
};
