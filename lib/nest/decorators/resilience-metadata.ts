import type { PolicyKind } from '../../core/index.js';
import type { FeatureSetting } from '../policies/feature-gate.js';
import type { ResilientOptions } from './decorator-options.types.js';

/** What the decorators store on a method: per kind, a policy name or inline options. */
export interface ResilienceMetadata extends Omit<ResilientOptions, 'order'> {
  /** Set by `@Resilient('name')`: apply every policy of that named set. */
  policySet?: string;
  order?: PolicyKind[];
  /**
   * @internal Instance names per kind, overriding the default naming (protected paths
   * use it for one breaker per prefix or per route).
   */
  instanceNames?: Partial<Record<PolicyKind, string>>;
  /** Set by `@DegradableFeature`: the method switches off at that degradation level. */
  feature?: FeatureSetting;
}
