import {
  OptionChecker,
  checkBulkheadOptions,
  checkCircuitBreakerOptions,
  checkFallbackOptions,
  checkRateLimitOptions,
  checkRetryOptions,
  checkTimeoutOptions,
  type PolicyKind,
} from '../../core/index.js';
import type { ResilienceMetadata } from '../decorators/resilience-metadata.js';
import { describeMethod, type MethodIdentity } from './method-identity.js';
import type { PolicySettings } from './policy-settings.js';
import { decoratorOf } from './resolve-policy-settings.js';

const checkers: Record<Exclude<PolicyKind, 'fallback'>, (o: unknown, c: OptionChecker) => void> = {
  circuitBreaker: checkCircuitBreakerOptions,
  retry: checkRetryOptions,
  timeout: checkTimeoutOptions,
  bulkhead: checkBulkheadOptions,
  rateLimit: checkRateLimitOptions,
};

/** Checks one kind's complete options with the policy's own rules. */
export function checkPolicyOptions(
  kind: PolicyKind,
  options: unknown,
  checker: OptionChecker,
): void {
  if (kind === 'fallback') checkFallbackOptions(options, checker);
  else checkers[kind](options, checker);
}

/**
 * Checks a method's effective settings and its decorators' own options for contradictions.
 * Throws one `ResilienceConfigError` naming the class, the method and every wrong field.
 */
export function validatePolicySettings(
  settings: PolicySettings,
  metadata: ResilienceMetadata,
  method: MethodIdentity,
  instance: object,
): void {
  const root = new OptionChecker(describeMethod(method), 'decorator');
  for (const kind of Object.keys(checkers) as (keyof typeof checkers)[]) {
    const value = settings[kind];
    if (value) checkers[kind](value, root.child(decoratorOf(kind)));
  }
  checkFallbackSetting(settings.fallback, root.child('@Fallback'), instance);
  checkContradictions(metadata, root);
  checkOrder(settings.order, root);
  root.throwIfInvalid();
}

function checkFallbackSetting(
  fallback: PolicySettings['fallback'],
  checker: OptionChecker,
  instance: object,
): void {
  if (typeof fallback === 'string') {
    const candidate = (instance as Record<string, unknown>)[fallback];
    if (typeof candidate !== 'function') {
      checker.fail('method', `'${fallback}' is not a method of this class`);
    }
  } else if (fallback && typeof fallback === 'object') {
    for (const layer of fallback.layers ?? []) {
      if (
        layer.type === 'method' &&
        typeof (instance as Record<string, unknown>)[layer.method] !== 'function'
      ) {
        checker.fail('layers', `'${layer.method}' is not a method of this class`);
      }
    }
    const { layers, ...rest } = fallback;
    checkFallbackOptions({ ...rest, layers: layers?.filter((l) => l.type !== 'method') }, checker);
  }
}

/** Options that cannot mean anything together, judged on what the decorator itself says. */
function checkContradictions(metadata: ResilienceMetadata, root: OptionChecker): void {
  const breaker = typeof metadata.circuitBreaker === 'object' ? metadata.circuitBreaker : undefined;
  if (breaker?.slidingWindow && breaker.failureThreshold !== undefined) {
    root
      .child('@CircuitBreaker')
      .fail(
        'failureThreshold',
        'contradicts slidingWindow: use failureThreshold (consecutive failures) or slidingWindow with failureRateThreshold, not both',
      );
  }
  if (breaker?.slowCallRateThreshold !== undefined && breaker.slowCallDurationMs === undefined) {
    root.child('@CircuitBreaker').fail('slowCallRateThreshold', 'needs slowCallDurationMs');
  }
  const limit = typeof metadata.rateLimit === 'object' ? metadata.rateLimit : undefined;
  const usesBucket = limit?.burst !== undefined || limit?.refillPerSecond !== undefined;
  if (limit && usesBucket && (limit.algorithm ?? 'token-bucket') !== 'token-bucket') {
    root
      .child('@RateLimit')
      .fail(
        'burst',
        `burst and refillPerSecond only apply to algorithm 'token-bucket', not '${limit.algorithm}'`,
      );
  }
}

function checkOrder(order: readonly PolicyKind[], root: OptionChecker): void {
  const allKinds = [...Object.keys(checkers), 'fallback'];
  const isPermutation =
    order.length === allKinds.length &&
    allKinds.every((kind) => order.includes(kind as PolicyKind));
  if (!isPermutation) {
    root.fail(
      'order',
      `must list each of fallback, retry, circuitBreaker, rateLimit, timeout, bulkhead once, got ${JSON.stringify(order)}`,
    );
  }
}
