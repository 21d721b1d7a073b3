import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { DASHBOARD_PROVIDERS } from '../dashboard/dashboard.providers.js';
import { DashboardSources } from '../dashboard/dashboard-sources.js';
import { DLQ_EXPORTS, DLQ_PROVIDERS } from '../dlq/dlq.providers.js';
import { HEALTH_EXPORTS, HEALTH_PROVIDERS } from '../health/health.providers.js';
import { MEMORY_EXPORTS, MEMORY_PROVIDERS } from '../memory/memory.providers.js';
import { METRICS_PROVIDERS } from '../metrics/metrics.providers.js';
import { ResilienceMetrics } from '../metrics/resilience-metrics.js';
import { MONITORING_PROVIDERS } from '../monitoring/monitoring.providers.js';
import { PREDICT_EXPORTS, PREDICT_PROVIDERS } from '../predict/predict.providers.js';
import { RECOVERY_EXPORTS, RECOVERY_PROVIDERS } from '../recovery/recovery.providers.js';
import { ResilienceMonitor } from '../monitoring/resilience-monitor.js';
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
import { RuntimePolicySync } from './runtime-config/runtime-policy-sync.js';
import { PolicyRegistry } from './policies/policy-registry.js';
import {
  ResilienceConfigurableModule,
  RESILIENCE_ASYNC_OPTIONS_TYPE,
  RESILIENCE_OPTIONS_TYPE,
} from './resilience.module-definition.js';
import { RESILIENCE_OPTIONS, RESILIENCE_STORE } from './resilience.constants.js';
import { httpGroupsProvider, resolvedOptionsProvider } from './resilience.providers.js';
import { ResilienceService } from './resilience.service.js';
import { capabilityTypesProvider } from './capability-types.provider.js';
import { RateLimiterService } from './rate-limit/rate-limiter.service.js';
import { ResilienceStoreHost } from './store/resilience-store.host.js';
import { resilienceStoreProvider } from './store/store.providers.js';

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
  imports: [DiscoveryModule, ScheduleModule.forRoot(), TerminusModule.forRoot()],
  providers: [
    capabilityTypesProvider,
    resolvedOptionsProvider,
    resilienceStoreProvider,
    ResilienceStoreHost,
    ResilienceEvents,
    ResilienceEventLogger,
    PolicyRegistry,
    MethodPipelineFactory,
    NamedPolicyInstances,
    ControllerInstances,
    ProtectedRoutes,
    PolicyReconfigurer,
    RuntimePolicySync,
    ResilienceMetadataAccessor,
    HandlerPipelines,
    ResilienceExplorer,
    ResilienceService,
    RateLimiterService,
    AdminAuthGuard,
    AdminRoutesNotice,
    ...HEALTH_PROVIDERS,
    ...METRICS_PROVIDERS,
    ...MONITORING_PROVIDERS,
    ...DASHBOARD_PROVIDERS,
    ...RECOVERY_PROVIDERS,
    ...MEMORY_PROVIDERS,
    ...PREDICT_PROVIDERS,
    ...DLQ_PROVIDERS,
    { provide: APP_INTERCEPTOR, useClass: ResilienceInterceptor },
  ],
  exports: [
    ResilienceService,
    ResilienceEvents,
    PolicyRegistry,
    RESILIENCE_OPTIONS,
    RESILIENCE_STORE,
    RateLimiterService,
    ...HEALTH_EXPORTS,
    ResilienceMetrics,
    ResilienceMonitor,
    DashboardSources,
    ...RECOVERY_EXPORTS,
    ...MEMORY_EXPORTS,
    ...PREDICT_EXPORTS,
    ...DLQ_EXPORTS,
  ],
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
