/** What kind of thing a dependency is (reporting and grouping only). */
export type DependencyType =
  | 'database'
  | 'cache'
  | 'external_api'
  | 'message_queue'
  | 'internal_service'
  | 'storage'
  | 'other';

/** How much the app needs a dependency: weighs the health score and the degradation rules. */
export type DependencyCriticality = 'critical' | 'high' | 'medium' | 'low';

/** What the app does while a dependency is down (reported, so operators know what to expect). */
export type FallbackStrategy =
  'none' | 'cache' | 'default_value' | 'alternative_service' | 'queue' | 'degrade' | 'fail_fast';

/** The HTTP methods an endpoint check may use. */
export type HealthCheckMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'OPTIONS';

/** What a custom check receives: a signal aborted when the check times out or the app stops. */
export interface DependencyCheckContext {
  readonly signal: AbortSignal;
}

/**
 * A custom check: resolving (with anything but `false`) passes; throwing, rejecting or
 * resolving `false` fails.
 */
export type DependencyCheckFunction = (
  context: DependencyCheckContext,
) => Promise<unknown> | unknown;

/** How a dependency is checked: an HTTP `endpoint` or a `check` function, not both. */
export interface DependencyHealthCheckOptions {
  /** An `http://` or `https://` URL, fetched on every check. */
  endpoint?: string;
  /** Default `GET`. */
  method?: HealthCheckMethod;
  /** Status codes that pass; default any 2xx. */
  expectedStatus?: number | number[];
  /** Sent with every request, e.g. an auth header. */
  headers?: Record<string, string>;
  /** A custom check instead of an endpoint (in code only; not over HTTP). */
  check?: DependencyCheckFunction;
  /** A check that has not answered after this long fails. Default `healthChecking.defaultTimeoutMs`. */
  timeoutMs?: number;
  /** Time between two checks. Default `healthChecking.defaultIntervalMs`. */
  intervalMs?: number;
  /** Consecutive failures before the dependency is reported unhealthy. */
  failureThreshold?: number;
  /** Consecutive successes before the dependency is reported healthy. */
  successThreshold?: number;
}

/** A dependency of the app, registered in options, with `register()` or over HTTP. */
export interface DependencyOptions {
  /** Unique name: letters, digits, `-`, `_`, `.` and `:`. */
  name: string;
  type: DependencyType;
  /** Default `medium`. */
  criticality?: DependencyCriticality;
  healthCheck: DependencyHealthCheckOptions;
  /** Default `none`. */
  fallbackStrategy?: FallbackStrategy;
  /** How long an outage usually lasts, for reports. */
  recoveryTimeEstimateMs?: number;
  /** Names of dependencies this one needs; it is reported impacted while one of them is down. */
  dependsOn?: string[];
  /** Free text shown in reports. */
  description?: string;
}

/** A dependency with every default filled in. */
export interface ResolvedDependency extends Required<
  Omit<DependencyOptions, 'recoveryTimeEstimateMs' | 'description'>
> {
  recoveryTimeEstimateMs?: number;
  description?: string;
  healthCheck: Required<
    Pick<
      DependencyHealthCheckOptions,
      'method' | 'timeoutMs' | 'intervalMs' | 'failureThreshold' | 'successThreshold' | 'headers'
    >
  > &
    Pick<DependencyHealthCheckOptions, 'endpoint' | 'expectedStatus' | 'check'>;
}

export const DEPENDENCY_TYPES: readonly DependencyType[] = [
  'database',
  'cache',
  'external_api',
  'message_queue',
  'internal_service',
  'storage',
  'other',
];
export const DEPENDENCY_CRITICALITIES: readonly DependencyCriticality[] = [
  'critical',
  'high',
  'medium',
  'low',
];
export const FALLBACK_STRATEGIES: readonly FallbackStrategy[] = [
  'none',
  'cache',
  'default_value',
  'alternative_service',
  'queue',
  'degrade',
  'fail_fast',
];
export const HEALTH_CHECK_METHODS: readonly HealthCheckMethod[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'OPTIONS',
];
