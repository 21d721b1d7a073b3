import type { ClassificationContext } from '../core/classification/index.js';
import type { RecoveryContext } from './recovery.types.js';

/** What classification rules see of a recovery context: service, operation and metadata. */
export function classificationContextOf(context: RecoveryContext): ClassificationContext {
  return { ...context.metadata, serviceId: context.serviceId, operation: context.operation };
}
