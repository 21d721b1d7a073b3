import { Injectable, Logger, type OnModuleInit, type Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import { ResilienceMetadataAccessor } from '../metadata/resilience-metadata.accessor.js';
import { MethodPipelineFactory } from '../policies/method-pipeline.factory.js';
import { ControllerInstances } from '../protected-paths/controller-instances.js';
import { HandlerPipelines } from './handler-pipelines.js';
import { wrapMethod } from './wrap-method.js';

/**
 * At start-up, finds every decorated method. Provider methods are wrapped in place, so the
 * policies apply whoever calls them; controller handlers get a pipeline that the
 * interceptor runs. Building everything here means a wrong decorator stops start-up.
 *
 * As a global module's hook, this runs before the hooks of the user's modules, so a
 * decorated method called from another module's `onModuleInit` is already protected.
 */
@Injectable()
export class ResilienceExplorer implements OnModuleInit {
  private readonly logger = new Logger('Resilience');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly accessor: ResilienceMetadataAccessor,
    private readonly factory: MethodPipelineFactory,
    private readonly handlers: HandlerPipelines,
    private readonly controllers: ControllerInstances,
  ) {}

  onModuleInit(): void {
    let protectedMethods = 0;
    const count = (): void => void protectedMethods++;
    for (const wrapper of this.discovery.getControllers()) this.exploreController(wrapper, count);
    for (const wrapper of this.discovery.getProviders()) this.exploreProvider(wrapper, count);
    this.logger.debug(`${protectedMethods} method(s) protected by resilience policies`);
  }

  private exploreController(wrapper: InstanceWrapper, count: () => void): void {
    const prototype = prototypeOf(wrapper);
    if (!prototype) return;
    const instance = wrapper.instance as object | undefined;
    if (instance && wrapper.metatype)
      this.controllers.record(wrapper.metatype as Type<unknown>, instance);
    this.forEachDecoratedMethod(prototype, (methodName, metadata) => {
      const method = { className: wrapper.name as string, methodName };
      const handler = (prototype as Record<string, unknown>)[methodName] as object;
      this.handlers.set(
        handler,
        this.factory.create(metadata, method, wrapper.instance ?? prototype),
      );
      count();
    });
  }

  private exploreProvider(wrapper: InstanceWrapper, count: () => void): void {
    const prototype = prototypeOf(wrapper);
    if (!prototype) return;
    // Request-scoped and transient providers have no single instance at start-up: their
    // prototype is wrapped once, so every instance shares the method's policies.
    const target =
      wrapper.isDependencyTreeStatic() && !wrapper.isTransient ? wrapper.instance : prototype;
    this.forEachDecoratedMethod(prototype, (methodName, metadata) => {
      const method = { className: className(wrapper), methodName };
      wrapMethod(
        target as object,
        methodName,
        this.factory.create(metadata, method, target as object),
      );
      count();
    });
  }

  private forEachDecoratedMethod(
    prototype: object,
    visit: (
      methodName: string,
      metadata: NonNullable<ReturnType<ResilienceMetadataAccessor['read']>>,
    ) => void,
  ): void {
    for (const methodName of this.scanner.getAllMethodNames(prototype)) {
      const metadata = this.accessor.read((prototype as Record<string, unknown>)[methodName]);
      if (metadata) visit(methodName, metadata);
    }
  }
}

function prototypeOf(wrapper: InstanceWrapper): object | undefined {
  const instance = wrapper.instance as object | undefined;
  if (instance && typeof instance === 'object') return Object.getPrototypeOf(instance) as object;
  const metatype = wrapper.metatype as { prototype?: object } | null;
  return wrapper.inject ? undefined : metatype?.prototype;
}

function className(wrapper: InstanceWrapper): string {
  return (wrapper.metatype as { name?: string } | null)?.name ?? String(wrapper.name);
}
