import { checkBulkheadOptions } from '../../core/bulkhead/index.js';
import { checkCircuitBreakerOptions } from '../../core/circuit-breaker/index.js';
import { checkFallbackOptions } from '../../core/fallback/index.js';
import { DEFAULT_POLICY_ORDER, type PolicyKind } from '../../core/policy/index.js';
import { checkRateLimitOptions } from '../../core/rate-limit/index.js';
import { checkRetryOptions } from '../../core/retry/index.js';
import { checkTimeoutOptions } from '../../core/timeout/index.js';
import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from './known-keys.js';
import { failConflict, type SourceLookup } from './option-conflicts.js';
import { isPlainObject } from './option-layer.js';
import { POLICY_OPTION_KEYS } from './policy-option-keys.js';

const POLICY_KINDS: readonly PolicyKind[] = DEFAULT_POLICY_ORDER;

const CHECK_POLICY: Record<PolicyKind, (options: unknown, checker: OptionChecker) => void> = {
  circuitBreaker: checkCircuitBreakerOptions,
  retry: checkRetryOptions,
  timeout: checkTimeoutOptions,
  rateLimit: checkRateLimitOptions,
  bulkhead: checkBulkheadOptions,
  fallback: checkFallbackOptions,
};

/**
 * Checks `defaults` and every named policy: only the six kinds, each checked by its
 * policy's own validator, plus the rules that only make sense at module level:
 * - a breaker counts consecutive failures (`failureThreshold`) or a rate over a
 *   `slidingWindow`, never both (reported on the one set by the later layer);
 * - a `name` in `defaults` would give every breaker or limiter the same name, and in a
 *   named policy it can only repeat the policy's key;
 * - `timeout.ms` may be left out of a named policy (it comes from `defaults.timeout`).
 */
export function checkPolicySets(
  root: OptionChecker,
  defaults: unknown,
  policies: unknown,
  sources: SourceLookup,
): void {
  if (root.isObject('defaults', defaults)) {
    checkPolicySet(root, 'defaults', defaults as Record<string, unknown>, undefined, sources);
  }
  if (!root.isObject('policies', policies)) return;
  for (const [name, set] of Object.entries(policies as Record<string, unknown>)) {
    if (name.trim() === '') root.child('policies').fail(name, 'a policy name must not be empty');
    if (!root.child('policies').isObject(name, set)) continue;
    checkPolicySet(root, `policies.${name}`, set as Record<string, unknown>, name, sources);
  }
}

function checkPolicySet(
  root: OptionChecker,
  path: string,
  set: Record<string, unknown>,
  policyName: string | undefined,
  sources: SourceLookup,
): void {
  const group =
    policyName === undefined ? root.child(path) : root.child('policies').child(policyName);
  checkKnownKeys(group, set, POLICY_KINDS, 'policy kind');
  for (const kind of POLICY_KINDS) {
    const options = set[kind];
    if (options === undefined) continue;
    const kindChecker = group.child(kind);
    if (isPlainObject(options)) {
      checkKnownKeys(kindChecker, options, POLICY_OPTION_KEYS[kind]);
      checkModuleLevelRules(kindChecker, kind, options, policyName);
      if (kind === 'circuitBreaker') checkBreakerMode(root, sources, `${path}.${kind}`, options);
    }
    const msFromDefaults = kind === 'timeout' && policyName !== undefined && isPlainObject(options);
    const checked = msFromDefaults && options.ms === undefined ? { ...options, ms: 1 } : options;
    CHECK_POLICY[kind](checked, kindChecker);
  }
}

function checkModuleLevelRules(
  checker: OptionChecker,
  kind: PolicyKind,
  options: Record<string, unknown>,
  policyName: string | undefined,
): void {
  if (kind === 'circuitBreaker')
    checker.isFunction('key', options.key).isBoolean('shared', options.shared);
  if (kind === 'rateLimit') checker.isFunction('key', options.key);
  if ((kind === 'circuitBreaker' || kind === 'rateLimit') && options.name !== undefined) {
    if (policyName === undefined) {
      checker.fail('name', 'cannot be a default: every policy would share that one name');
    } else if (options.name !== policyName) {
      checker.fail('name', `must be left out or equal the policy's name '${policyName}'`);
    }
  }
}

function checkBreakerMode(
  root: OptionChecker,
  sources: SourceLookup,
  path: string,
  options: Record<string, unknown>,
): void {
  if (options.failureThreshold === undefined || options.slidingWindow === undefined) return;
  const pair = [`${path}.failureThreshold`, `${path}.slidingWindow`] as const;
  failConflict(root, sources, pair, (_, other) => {
    return `cannot be combined with ${other}: a breaker counts consecutive failures (failureThreshold) or a failure rate over a sliding window (failureRateThreshold), not both`;
  });
}

/** `order` must name each of the six policy kinds exactly once. */
export function checkOrder(checker: OptionChecker, order: unknown): void {
  if (order === undefined) return;
  if (!Array.isArray(order)) {
    checker.fail('order', `must be an array of the policy kinds ${POLICY_KINDS.join(', ')}`);
    return;
  }
  const unknown = order.filter((kind) => !POLICY_KINDS.includes(kind as PolicyKind));
  const repeated = order.filter((kind, index) => order.indexOf(kind) !== index);
  const missing = POLICY_KINDS.filter((kind) => !order.includes(kind));
  const problems = [
    unknown.length > 0 ? `unknown: ${unknown.map(String).join(', ')}` : '',
    repeated.length > 0 ? `repeated: ${repeated.join(', ')}` : '',
    missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    checker.fail('order', `must list each policy kind exactly once (${problems.join('; ')})`);
  }
}
