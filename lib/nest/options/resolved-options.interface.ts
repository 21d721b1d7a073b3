import type { CanActivate, Type } from '@nestjs/common';
import type { PolicyKind } from '../../core/policy/index.js';
import type {
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
import type { DependencyOptions } from '../../health/dependency-options.js';
import type { ResolvedPolicyDefaults, ResolvedPolicySet } from './policy-set.interface.js';
import type { ProtectedPathOptions } from './protected-path.interface.js';
import type {
  MemoryStoreOptions,
  RedisStoreOptions,
} from './resilience-module-options.interface.js';

/** Where an effective value came from, lowest precedence first. */
export type OptionSource = 'default' | 'preset' | 'file' | 'code' | 'environment' | 'runtime';

/** The `NODE_ENV` values that select a preset. */
export type PresetName = 'production' | 'development' | 'test';

/** A route group after resolution. */
export interface ResolvedHttpGroup {
  enabled: boolean;
  /** Without leading or trailing slash. */
  path: string;
}

/** The effective options: merged, validated, every defaulted setting present. */
export interface ResolvedResilienceOptions {
  defaults: ResolvedPolicyDefaults;
  policies: Record<string, ResolvedPolicySet>;
  order: PolicyKind[];
  protectedPaths: ProtectedPathOptions[];
  store:
    | MemoryStoreOptions
    | (RedisStoreOptions & Required<Pick<RedisStoreOptions, 'keyPrefix' | 'storeTimeoutMs'>>);
  /** Neither set: the admin and mutating routes answer 401 to every request. */
  admin: { apiKey?: string; guard?: Type<CanActivate> };
  http: {
    health: ResolvedHttpGroup;
    resilience: ResolvedHttpGroup;
    admin: ResolvedHttpGroup;
    metrics: ResolvedHttpGroup;
  };
  healthChecking: Required<HealthCheckingOptions>;
  dependencies: DependencyOptions[];
  predictive: Required<Omit<PredictiveOptions, 'prevention'>> & {
    prevention: Required<PreventionOptions>;
  };
  recovery: Required<RecoveryOptions>;
  fallback: Required<FallbackExecutionOptions>;
  metrics: Required<Omit<MetricsOptions, 'registry'>> & Pick<MetricsOptions, 'registry'>;
  dlq: Required<DeadLetterQueueOptions>;
  memory: Required<MemoryOptions>;
  monitoring: Required<MonitoringOptions>;
  /** The absolute path of the config file that was read, or `false` when none was. */
  configFile: string | false;
  /** The preset applied, from `NODE_ENV`. */
  preset?: PresetName;
  /** Per dotted path of each effective value (leaf), where it came from. */
  sources: Record<string, OptionSource>;
}
