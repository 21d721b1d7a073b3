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
  RecoveryOptions,
} from './capability-options.interface.js';
import type { DependencyOptions } from '../../health/dependency-options.js';
import type { PolicySet } from './policy-set.interface.js';
import type { ProtectedPathOptions } from './protected-path.interface.js';

/** Everything in one process's memory (the default). */
export interface MemoryStoreOptions {
  type: 'memory';
}

/** State shared by every process through Redis (ioredis). Give one of `url`, `cluster`, `client`. */
export interface RedisStoreOptions {
  type: 'redis';
  /** A `redis://` or `rediss://` URL (also `REDIS_URL`). */
  url?: string;
  /** Redis Cluster: some nodes' URLs (`redis://host:port`); the others are discovered. */
  cluster?: string[];
  /** An existing ioredis client (`Redis` or `Cluster`); the module does not close it. */
  client?: unknown;
  /** Prepended to every key. Default `bulwark:`. */
  keyPrefix?: string;
  /** A Redis call that has not answered after this long fails. Default 1 000. */
  storeTimeoutMs?: number;
}

/** Where shared state lives (DESIGN §3). */
export type StoreOptions = MemoryStoreOptions | RedisStoreOptions;

/**
 * Who may call the mutating and admin routes: an API key (sent as `x-api-key` or
 * `Authorization: Bearer`) or your own guard. With neither, those routes answer 401.
 */
export type AdminOptions =
  | {
      /** Compared in constant time; also `RESILIENCE_ADMIN_API_KEY`. */ apiKey?: string;
      guard?: never;
    }
  | { /** Your guard class, resolved by Nest. */ guard?: Type<CanActivate>; apiKey?: never };

/** One group of HTTP routes. */
export interface HttpGroupOptions {
  /** Mount the group. Default true. */
  enabled?: boolean;
  /** Route prefix, without leading or trailing slash. */
  path?: string;
}

/** The HTTP route groups of DESIGN §6. */
export interface HttpOptions {
  /** Terminus health routes. Default path `health`. */
  health?: HttpGroupOptions;
  /** Dashboard, predictions, dependencies, recovery routes. Default path `resilience`. */
  resilience?: HttpGroupOptions;
  /** Admin routes (need `admin`). Default path `admin/reliability`. */
  admin?: HttpGroupOptions;
  /** Prometheus text format. Default path `metrics`. */
  metrics?: HttpGroupOptions;
}

/**
 * Options of `ResilienceModule.forRoot()`. Every field is optional; the effective value of
 * each is defaults < `NODE_ENV` preset < config file < these options < environment
 * variables (see docs/configuration.md).
 */
export interface ResilienceModuleOptions {
  /** Module-wide policy settings; a decorator's own options and a named policy come first. */
  defaults?: PolicySet;
  /** Named policies, used as `@CircuitBreaker('payments')` or `@Resilient('payments')`. */
  policies?: Record<string, PolicySet>;
  /** Composition order, outermost first: a permutation of the six policy kinds. */
  order?: PolicyKind[];
  /** Path prefixes protected by a named policy, with no decorator on the handlers. */
  protectedPaths?: ProtectedPathOptions[];
  /** Where shared state lives. Default `{ type: 'memory' }`; `REDIS_URL` selects Redis. */
  store?: StoreOptions;
  /** Authorization of the mutating and admin routes. */
  admin?: AdminOptions;
  /** Which route groups are mounted and under which prefix. */
  http?: HttpOptions;
  /** Defaults for dependency health checks. */
  healthChecking?: HealthCheckingOptions;
  /** Dependencies checked from start-up (more with `DependencyHealthService.register()`). */
  dependencies?: DependencyOptions[];
  /** Failure prediction. */
  predictive?: PredictiveOptions;
  /** Automatic recovery. */
  recovery?: RecoveryOptions;
  /** Fallback execution. */
  fallback?: FallbackExecutionOptions;
  /** Prometheus metrics. */
  metrics?: MetricsOptions;
  /** Dead-letter queue. */
  dlq?: DeadLetterQueueOptions;
  /** Memory pressure control. */
  memory?: MemoryOptions;
  /** Monitoring, alerts and reports. */
  monitoring?: MonitoringOptions;
  /**
   * JSON config file, relative to the working directory. Default `resilience.config.json`,
   * read only when present; a file named here must exist. `false`: read no file.
   */
  configFile?: string | false;
}
