import {
  compose,
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type ExecutionContext,
  type GuardedFunction,
  type Policy,
} from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';
import { FusedFirstAttempt } from './fused-first-attempt.js';
import type { Layer } from './layer.js';
import type { MethodIdentity } from './method-identity.js';

/** The composed policies of one decorated method, outermost first. */
export class MethodPipeline {
  /** Composed once at start-up when no layer needs per-call data (the common case). */
  private readonly composed?: Policy;
  /**
   * Some policy runs inside a timeout and holds something until the call settles (a
   * bulkhead's slot, a half-open probe): an attempt must stop as soon as the timeout fires.
   */
  readonly holdsInsideTimeout: boolean;
  /** Retry, breaker and rate limit decided in one go for first attempts, where they allow it. */
  private readonly fused?: FusedFirstAttempt;

  constructor(
    readonly method: MethodIdentity,
    private readonly layers: readonly Layer[],
  ) {
    const timeoutAt = layers.findIndex((layer) => layer.kind === 'timeout');
    this.holdsInsideTimeout = timeoutAt !== -1 && timeoutAt < layers.length - 1;
    if (layers.every((layer) => !layer.executeFor)) {
      this.composed = compose(...layers.map((layer) => layer.target));
    } else {
      this.fused = FusedFirstAttempt.of(layers, (index, invocation, fn, options) =>
        this.executeFrom(index, invocation, fn, options),
      );
    }
  }

  /**
   * Runs `fn` through every layer for this call. The arguments reach the layers that need
   * per-call data; a pipeline composed at start-up has none, so it runs as a programmatic
   * `compose(...)` would.
   */
  execute<T>(invocation: Invocation, fn: GuardedFunction<T>): Promise<T> {
    if (this.composed) return this.composed.execute(fn);
    return this.executeFrom(0, invocation, fn, { args: invocation.args });
  }

  /** {@link execute} for a call that is nothing but its arguments (a provider method's). */
  executeWithArgs<T>(args: readonly unknown[], fn: GuardedFunction<T>): Promise<T> {
    if (this.composed) return this.composed.execute(fn);
    return this.executeFrom(0, { args }, fn, { args });
  }

  /**
   * Layer `index` and those inside it, as `compose` runs them (the innermost layer calls
   * `fn` itself), with the invocation for the layers that need it; from a retry followed
   * by a breaker and a rate limit, through their fused first attempt when it applies.
   */
  private executeFrom<T>(
    index: number,
    invocation: Invocation,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
  ): Promise<T> {
    const layers = this.layers;
    if (index === layers.length) return invokeGuarded(fn, toExecutionContext(options));
    if (this.fused?.runsAt(index)) return this.fused.execute(invocation, fn, options);
    const layer = layers[index];
    const inner = index === layers.length - 1 ? fn : this.layersFrom(index + 1, invocation, fn);
    return layer.executeFor
      ? layer.executeFor(invocation, inner, options)
      : layer.target.execute(inner, options);
  }

  // Built here rather than in `executeFrom`, where V8 would allocate a context for what the
  // closure captures on every call, also for the innermost layer, which needs none.
  private layersFrom<T>(
    index: number,
    invocation: Invocation,
    fn: GuardedFunction<T>,
  ): GuardedFunction<T> {
    return (context: ExecutionContext): Promise<T> =>
      this.executeFrom(index, invocation, fn, context);
  }
}
