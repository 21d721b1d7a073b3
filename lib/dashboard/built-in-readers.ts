import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { DegradationService } from '../degradation/degradation.service.js';
import { DependencyHealthService } from '../health/dependency-health.service.js';
import { PredictorService } from '../predict/predictor.service.js';
import {
  DEAD_LETTER_QUEUE_HEALTH_SOURCE,
  type DeadLetterQueueHealthSource,
} from '../health/indicators/optional-sources.js';
import type { DashboardSectionName, SectionReader } from './dashboard-sections.js';

type Readers = { [K in DashboardSectionName]?: SectionReader<K> };

/**
 * The sections the dashboard finds by itself among the app's providers: dependency
 * health, degradation, failure predictions, and a dead-letter queue that offers its depth
 * to the health indicators.
 */
export function builtInReaders(moduleRef: ModuleRef): Readers {
  const readers: Readers = {};
  const health = findProvider(moduleRef, DependencyHealthService);
  if (health) {
    readers.dependencies = () => ({
      score: health.healthScore(),
      items: health.list().map((d) => ({
        name: d.name,
        status: d.status,
        criticality: d.criticality,
        impacted: d.impacted,
        responseTimeMs: d.responseTimeMs.last,
        lastError: d.status === 'unhealthy' ? d.lastError : undefined,
      })),
    });
  }
  const degradation = findProvider(moduleRef, DegradationService);
  if (degradation) {
    readers.degradation = () => {
      const { level, reasons, override } = degradation.status();
      return { level, reasons, override };
    };
  }
  const predictor = findProvider(moduleRef, PredictorService);
  if (predictor) {
    readers.predictions = () => ({
      alertConfidence: predictor.alertConfidence,
      items: predictor
        .getPredictions()
        .map(({ target, kind, predictedAt, confidence, recommendation }) => ({
          target,
          kind,
          predictedAt,
          confidence,
          recommendation,
        })),
    });
  }
  const dlq = findProvider<DeadLetterQueueHealthSource>(moduleRef, DEAD_LETTER_QUEUE_HEALTH_SOURCE);
  if (dlq) {
    readers.dlq = async () => {
      const { healthy, pending, exhausted } = await dlq.getQueueHealth();
      return { healthy, pending, exhausted };
    };
  }
  return readers;
}

/** The provider of `token` anywhere in the app, or `undefined` when the app has none. */
function findProvider<T>(moduleRef: ModuleRef, token: Type<T> | symbol): T | undefined {
  try {
    return moduleRef.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}
