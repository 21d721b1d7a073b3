export type {
  AdminOptions,
  HttpGroupOptions,
  HttpOptions,
  MemoryStoreOptions,
  RedisStoreOptions,
  ResilienceModuleOptions,
  StoreOptions,
} from './resilience-module-options.interface.js';
export type {
  DeadLetterQueueOptions,
  FallbackExecutionOptions,
  HealthCheckingOptions,
  MemoryOptions,
  MetricsOptions,
  MonitoringOptions,
  PredictiveOptions,
  PreventionOptions,
  RecoveryOptions,
} from './capability-options.interface.js';
export type {
  PartialTimeoutOptions,
  PolicySet,
  ResolvedPolicyDefaults,
  ResolvedPolicySet,
} from './policy-set.interface.js';
export type {
  OptionSource,
  PresetName,
  ResolvedHttpGroup,
  ResolvedResilienceOptions,
} from './resolved-options.interface.js';
export type { ProtectedPathOptions } from './protected-path.interface.js';
export { resolveResilienceOptions, type ResolveContext } from './resolve-options.js';
export {
  DEFAULT_RESILIENCE_CONFIG_FILE,
  REDIS_STORE_DEFAULTS,
  resilienceOptionDefaults,
  type OptionDefaults,
} from './option-defaults.js';
export { RESILIENCE_PRESETS, presetNameFor } from './environment-presets.js';
export {
  RESILIENCE_ENVIRONMENT_VARIABLES,
  type EnvironmentVariable,
} from './environment.reader.js';
