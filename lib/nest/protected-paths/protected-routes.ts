import { Inject, Injectable, type Type } from '@nestjs/common';
import { ResilienceMetadataAccessor } from '../metadata/resilience-metadata.accessor.js';
import type { ProtectedPathOptions, ResolvedResilienceOptions } from '../options/index.js';
import type { MethodPipeline } from '../policies/method-pipeline.js';
import { MethodPipelineFactory } from '../policies/method-pipeline.factory.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';
import { ControllerInstances } from './controller-instances.js';
import { metadataUnderPrefix } from './metadata-under-prefix.js';

type PipelinesByPath = Map<ProtectedPathOptions, MethodPipeline>;

/**
 * Routes under `protectedPaths` prefixes get their prefix's named policy with no decorator.
 * The longest matching prefix wins; a route's pipeline is built on its first request and
 * then found by handler, controller and prefix, without building a key per request (an
 * inherited handler serves several controllers, each with its own pipeline).
 */
@Injectable()
export class ProtectedRoutes {
  private readonly paths: ProtectedPathOptions[];
  private readonly pipelines = new WeakMap<object, Map<Type<unknown>, PipelinesByPath>>();

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
    const protectedPath = this.longestPrefixOf(url);
    if (!protectedPath) return undefined;
    const byPath = this.pipelinesOf(handler, controller);
    let pipeline = byPath.get(protectedPath);
    if (!pipeline) {
      pipeline = this.build(protectedPath, handler, controller);
      byPath.set(protectedPath, pipeline);
    }
    return pipeline;
  }

  private pipelinesOf(handler: object, controller: Type<unknown>): PipelinesByPath {
    let byController = this.pipelines.get(handler);
    if (!byController) this.pipelines.set(handler, (byController = new Map()));
    let byPath = byController.get(controller);
    if (!byPath) byController.set(controller, (byPath = new Map()));
    return byPath;
  }

  private longestPrefixOf(url: string): ProtectedPathOptions | undefined {
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    return this.paths.find((candidate) => path.startsWith(candidate.prefix));
  }

  private build(
    protectedPath: ProtectedPathOptions,
    handler: object,
    controller: Type<unknown>,
  ): MethodPipeline {
    const method = { className: controller.name, methodName: (handler as { name: string }).name };
    const metadata = metadataUnderPrefix(
      this.accessor.read(handler),
      protectedPath,
      this.options,
      method,
    );
    return this.factory.create(metadata, method, this.controllers.instanceOf(controller));
  }
}
