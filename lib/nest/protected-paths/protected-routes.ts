import { Inject, Injectable, type Type } from '@nestjs/common';
import { ResilienceMetadataAccessor } from '../metadata/resilience-metadata.accessor.js';
import type { ProtectedPathOptions, ResolvedResilienceOptions } from '../options/index.js';
import { describeMethod } from '../policies/method-identity.js';
import type { MethodPipeline } from '../policies/method-pipeline.js';
import { MethodPipelineFactory } from '../policies/method-pipeline.factory.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';
import { ControllerInstances } from './controller-instances.js';
import { metadataUnderPrefix } from './metadata-under-prefix.js';

/**
 * Routes under `protectedPaths` prefixes get their prefix's named policy with no decorator.
 * The longest matching prefix wins; a route's pipeline is built on its first request.
 */
@Injectable()
export class ProtectedRoutes {
  private readonly paths: ProtectedPathOptions[];
  private readonly pipelines = new Map<string, MethodPipeline>();

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly factory: MethodPipelineFactory,
    private readonly accessor: ResilienceMetadataAccessor,
    private readonly controllers: ControllerInstances,
  ) {
    this.paths = [...options.protectedPaths].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** True when some prefix is configured (lets the interceptor skip path matching). */
  get enabled(): boolean {
    return this.paths.length > 0;
  }

  /** The pipeline of `handler` when `url` falls under a protected prefix. */
  pipelineFor(url: string, handler: object, controller: Type<unknown>): MethodPipeline | undefined {
    const path = url.split('?', 1)[0];
    const protectedPath = this.paths.find((candidate) => path.startsWith(candidate.prefix));
    if (!protectedPath) return undefined;
    const method = { className: controller.name, methodName: (handler as { name: string }).name };
    const cacheKey = `${protectedPath.prefix}|${describeMethod(method)}`;
    let pipeline = this.pipelines.get(cacheKey);
    if (!pipeline) {
      const metadata = metadataUnderPrefix(
        this.accessor.read(handler),
        protectedPath,
        this.options,
        method,
      );
      pipeline = this.factory.create(metadata, method, this.controllers.instanceOf(controller));
      this.pipelines.set(cacheKey, pipeline);
    }
    return pipeline;
  }
}
