export { ResilienceModule } from './resilience.module.js';
export type { ResilienceModuleExtras } from './resilience.module-definition.js';
export { RESILIENCE_MODULE_OPTIONS } from './resilience.module-definition.js';
export { RESILIENCE_OPTIONS, RESILIENCE_STORE } from './resilience.constants.js';
export { ResilienceService, type ResilienceStats } from './resilience.service.js';
export type { ResilienceCapabilities } from './capabilities.js';
export {
  ResilienceEvents,
  type CreatedPolicy,
  type ResilienceEventMap,
} from './events/resilience-events.js';
export { PolicyRegistry, type RegistryBreakerOptions } from './policies/policy-registry.js';
export { RateLimiterService, type RateLimitStatus } from './rate-limit/rate-limiter.service.js';
export { ResilienceInterceptor } from './interceptor/resilience.interceptor.js';
export { AdminAuthGuard } from './admin/admin-auth.guard.js';
export type { PolicyChange } from './runtime-config/policy-change.js';
export type { NamedPolicyView } from './runtime-config/describe-policies.js';
export * from './decorators/index.js';
export * from './options/index.js';
