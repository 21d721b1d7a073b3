import { DEFAULT_POLICY_ORDER, type PolicyKind } from '../../core/index.js';
import type { ResilienceMetadata } from '../decorators/resilience-metadata.js';
import type { ProtectedPathOptions, ResolvedResilienceOptions } from '../options/index.js';
import { describeMethod, type MethodIdentity } from '../policies/method-identity.js';

const SHARED_KINDS: readonly PolicyKind[] = ['circuitBreaker', 'rateLimit', 'bulkhead'];

/**
 * The metadata of a handler under a protected prefix: the prefix's named policy fills
 * every kind the handler does not set itself (its own decorators, or its own named set,
 * win per policy kind), so nothing is applied twice. Breakers, limiters and bulkheads are
 * one per prefix, or one per route with `instancePer: 'route'`.
 */
export function metadataUnderPrefix(
  own: ResilienceMetadata | undefined,
  path: ProtectedPathOptions,
  options: ResolvedResilienceOptions,
  method: MethodIdentity,
): ResilienceMetadata {
  const ownSet = own?.policySet ? options.policies[own.policySet] : undefined;
  const combined: ResilienceMetadata = { ...own, instanceNames: { ...own?.instanceNames } };
  const instanceName =
    path.instancePer === 'route'
      ? `${path.policy}@${path.prefix}#${describeMethod(method)}`
      : `${path.policy}@${path.prefix}`;
  for (const kind of DEFAULT_POLICY_ORDER) {
    const ownsKind = own?.[kind] !== undefined || ownSet?.[kind] !== undefined;
    if (ownsKind || options.policies[path.policy]?.[kind] === undefined) continue;
    (combined as Record<PolicyKind, unknown>)[kind] = path.policy;
    if (SHARED_KINDS.includes(kind)) combined.instanceNames![kind] = instanceName;
  }
  return combined;
}
