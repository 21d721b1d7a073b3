import type { PolicyKind, Policy } from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';

/** One policy of a method's pipeline, bound to each call (keys and arguments differ per call). */
export interface Layer {
  readonly kind: PolicyKind;
  bind(invocation: Invocation): Policy;
}
