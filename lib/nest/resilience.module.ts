import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AdminAuthGuard } from './admin/admin-auth.guard.js';
import { AdminRoutesNotice } from './admin/admin-routes.notice.js';
import { ResilienceEventLogger } from './events/resilience-event.logger.js';
import { ResilienceEvents } from './events/resilience-events.js';
import { HandlerPipelines } from './explorer/handler-pipelines.js';
import { ResilienceExplorer } from './explorer/resilience.explorer.js';
import { ResilienceInterceptor } from './interceptor/resilience.interceptor.js';
import { ResilienceMetadataAccessor } from './metadata/resilience-metadata.accessor.js';
import type { HttpOptions } from './options/index.js';
import { controllersFor } from './http/route-groups.js';
import { MethodPipelineFactory } from './policies/method-pipeline.factory.js';
import { NamedPolicyInstances } from './policies/named-policy-instances.js';
import { ControllerInstances } from './protected-paths/controller-instances.js';
import { ProtectedRoutes } from './protected-paths/protected-routes.js';
import { PolicyReconfigurer } from './runtime-config/policy-reconfigurer.js';
import { PolicyRegistry } from './policies/policy-registry.js';
import {
  ResilienceConfigurableModule,
  RESILIENCE_ASYNC_OPTIONS_TYPE,
  RESILIENCE_OPTIONS_TYPE,
} from './resilience.module-definition.js';
import { RESILIENCE_OPTIONS } from './resilience.constants.js';
import { httpGroupsProvider, resolvedOptionsProvider } from './resilience.providers.js';
import { ResilienceService } from './resilience.service.js';

/**
 * Registers the policies, the interceptor that applies decorators on controller handlers,
 * the explorer that wraps decorated provider methods, and `ResilienceService`.
 *
 * @example
 * ```ts
 * @Module({ imports: [ResilienceModule.forRoot({ policies: { payments: { retry: { maxAttempts: 3 } } } })] })
 * export class AppModule {}
 * ```
 */
@Module({
  // ScheduleModule.forRoot() is deduplicated by Nest when the app imports it too.
  imports: [DiscoveryModule, ScheduleModule.forRoot()],
  providers: [
    resolvedOptionsProvider,
    ResilienceEvents,
    ResilienceEventLogger,
    PolicyRegistry,
    MethodPipelineFactory,
    NamedPolicyInstances,
    ControllerInstances,
    ProtectedRoutes,
    PolicyReconfigurer,
    ResilienceMetadataAccessor,
    HandlerPipelines,
    ResilienceExplorer,
    ResilienceService,
    AdminAuthGuard,
    AdminRoutesNotice,
    { provide: APP_INTERCEPTOR, useClass: ResilienceInterceptor },
  ],
  exports: [ResilienceService, ResilienceEvents, PolicyRegistry, RESILIENCE_OPTIONS],
})
export class ResilienceModule extends ResilienceConfigurableModule {
  static forRoot(options: typeof RESILIENCE_OPTIONS_TYPE = {}): DynamicModule {
    return withHttpRoutes(super.forRoot(options), options.http);
  }

  static forRootAsync(options: typeof RESILIENCE_ASYNC_OPTIONS_TYPE): DynamicModule {
    return withHttpRoutes(super.forRootAsync(options), options.http);
  }
}

function withHttpRoutes(definition: DynamicModule, http: HttpOptions | undefined): DynamicModule {
  return {
    ...definition,
    providers: [...(definition.providers ?? []), httpGroupsProvider(http)],
    controllers: [...(definition.controllers ?? []), ...controllersFor(http)],
  };
}
