import { compose, type GuardedFunction, type Policy } from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';
import type { Layer } from './layer.js';
import type { MethodIdentity } from './method-identity.js';

/** The composed policies of one decorated method, outermost first. */
export class MethodPipeline {
  /** Composed once at start-up when no layer needs per-call binding (the common case). */
  private readonly composed?: Policy;

  constructor(
    readonly method: MethodIdentity,
    private readonly layers: readonly Layer[],
  ) {
    if (layers.every((layer) => !layer.bind)) {
      this.composed = compose(...layers.map((layer) => layer.target));
    }
  }

  /** Runs `fn` through every layer for this call. */
  execute<T>(invocation: Invocation, fn: GuardedFunction<T>): Promise<T> {
    const options = { args: invocation.args };
    if (this.composed) return this.composed.execute(fn, options);
    const bound = this.layers.map((layer) => layer.bind?.(invocation) ?? layer.target);
    return compose(...bound).execute(fn, options);
  }
}
