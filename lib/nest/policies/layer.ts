import type {
  ExecuteOptions,
  ExecutionContext,
  GuardedFunction,
  PolicyKind,
  Policy,
} from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';

/** A live policy whose settings can be changed in place (runtime reconfiguration). */
export interface ReconfigurablePolicy extends Policy {
  reconfigure?(options: never): unknown;
}

/**
 * One policy of a method's pipeline. The call's arguments reach every layer through the
 * execute options; a layer that also needs per-call data (a partition key, the request)
 * runs each call itself through `executeFor`.
 */
export interface Layer {
  /** `feature`: the gate of a `@DegradableFeature` (not a policy kind of `order`). */
  readonly kind: PolicyKind | 'feature';
  /** The live policy instance behind this layer. */
  readonly target: ReconfigurablePolicy;
  /** Only for layers that need per-call data; the others run `target.execute` as it is. */
  executeFor?<T>(
    invocation: Invocation,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
  ): Promise<T>;
  /**
   * A rate-limit layer's decision, taken now for a fused first attempt (see
   * `FusedFirstAttempt`): the context its inner layers get, or `undefined` when it cannot
   * decide synchronously. Throws the refusal.
   */
  admitNow?(
    invocation: Invocation,
    options: ExecuteOptions | undefined,
  ): ExecutionContext | undefined;
}
