import type { PolicyKind, Policy } from '../../core/index.js';

/** A live policy whose settings can be changed in place (runtime reconfiguration). */
export interface ReconfigurablePolicy extends Policy {
  reconfigure?(options: never): unknown;
}
import type { Invocation } from '../execution/invocation.js';

/** One policy of a method's pipeline, bound to each call (keys and arguments differ per call). */
export interface Layer {
  /** `feature`: the gate of a `@DegradableFeature` (not a policy kind of `order`). */
  readonly kind: PolicyKind | 'feature';
  /** The live policy instance behind this layer. */
  readonly target: ReconfigurablePolicy;
  bind(invocation: Invocation): Policy;
}
