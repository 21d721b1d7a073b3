import { Injectable } from '@nestjs/common';
import type { MethodPipeline } from '../policies/method-pipeline.js';

/** The pipelines of decorated controller handlers, built at start-up, read per request. */
@Injectable()
export class HandlerPipelines {
  private readonly pipelines = new WeakMap<object, MethodPipeline>();

  set(handler: object, pipeline: MethodPipeline): void {
    this.pipelines.set(handler, pipeline);
  }

  get(handler: object): MethodPipeline | undefined {
    return this.pipelines.get(handler);
  }
}
