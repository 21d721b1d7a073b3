import { compose, type GuardedFunction } from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';
import type { Layer } from './layer.js';
import type { MethodIdentity } from './method-identity.js';

/** The composed policies of one decorated method, outermost first. */
export class MethodPipeline {
  constructor(
    readonly method: MethodIdentity,
    private readonly layers: readonly Layer[],
  ) {}

  /** Runs `fn` through every layer for this call. */
  execute<T>(invocation: Invocation, fn: GuardedFunction<T>): Promise<T> {
    const bound = this.layers.map((layer) => layer.bind(invocation));
    return compose(...bound).execute(fn, { args: invocation.args });
  }
}
