import { Injectable } from '@nestjs/common';
import type { ResilienceMetadata } from '../decorators/resilience-metadata.js';
import { RESILIENCE_METADATA } from '../resilience.constants.js';

/** The one reader of the decorators' metadata. */
@Injectable()
export class ResilienceMetadataAccessor {
  /** The method's resilience metadata, or `undefined` when it carries no decorator. */
  read(method: unknown): ResilienceMetadata | undefined {
    if (typeof method !== 'function') return undefined;
    return Reflect.getMetadata(RESILIENCE_METADATA, method) as ResilienceMetadata | undefined;
  }
}
