import type { Prediction } from '../../core/predict/index.js';

const SERVICE_METRIC = /^service\.(.+)\.(errorRatePercent|latencyMs)$/;
const MEMORY_METRIC = /heap|rss|memory/i;

/** The service an alert is about: a pattern's target, or the service of a `service.<name>.*` metric. */
export function serviceOf(prediction: Prediction): string | undefined {
  if (prediction.kind === 'pattern') return prediction.target;
  return SERVICE_METRIC.exec(prediction.target)?.[1];
}

/** True for an alert about memory (heap, RSS, system memory). */
export function isAboutMemory(prediction: Prediction): boolean {
  return prediction.kind !== 'pattern' && MEMORY_METRIC.test(prediction.target);
}
