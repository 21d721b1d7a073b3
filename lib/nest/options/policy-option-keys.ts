import type { PolicyKind } from '../../core/policy/index.js';
import type { PolicySet } from './policy-set.interface.js';

type OptionsOf<K extends PolicyKind> = Exclude<PolicySet[K], number | undefined>;

/**
 * Every option name of each policy kind, so a typo is reported instead of ignored. Typed
 * as a complete record of the option type's keys: a new option added to a policy fails
 * the type check here until it is listed.
 */
const names = <K extends PolicyKind>(keys: Record<keyof OptionsOf<K>, true>) => Object.keys(keys);

export const POLICY_OPTION_KEYS: Readonly<Record<PolicyKind, readonly string[]>> = {
  circuitBreaker: names<'circuitBreaker'>({
    name: true,
    failureThreshold: true,
    slidingWindow: true,
    failureRateThreshold: true,
    minimumCalls: true,
    slowCallDurationMs: true,
    slowCallRateThreshold: true,
    recoveryTimeoutMs: true,
    halfOpenMaxCalls: true,
    successThreshold: true,
    maxWaitInHalfOpenMs: true,
    isFailure: true,
    adaptive: true,
    key: true,
    shared: true,
    onStoreFailure: true,
  }),
  retry: names<'retry'>({
    maxAttempts: true,
    backoff: true,
    baseDelayMs: true,
    maxDelayMs: true,
    multiplier: true,
    jitter: true,
    retryIf: true,
    budget: true,
    random: true,
  }),
  timeout: names<'timeout'>({ ms: true }),
  rateLimit: names<'rateLimit'>({
    name: true,
    limit: true,
    windowMs: true,
    algorithm: true,
    burst: true,
    refillPerSecond: true,
    adaptiveThreshold: true,
    backoffFactor: true,
    recoveryStep: true,
    minLimit: true,
    isFailure: true,
    maxKeys: true,
    onStoreFailure: true,
    key: true,
  }),
  bulkhead: names<'bulkhead'>({ maxConcurrent: true, maxQueue: true }),
  fallback: names<'fallback'>({
    layers: true,
    fallback: true,
    cache: true,
    defaultValue: true,
    degradedValue: true,
    isDegraded: true,
    shouldFallback: true,
  }),
};
