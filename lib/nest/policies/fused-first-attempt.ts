import {
  CircuitBreakerPolicy,
  RateLimiterPolicy,
  RetryPolicy,
  toExecutionContext,
  type ExecuteOptions,
  type ExecutionContext,
  type GuardedFunction,
} from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';
import type { Layer } from './layer.js';

/** Runs the layers from `index` inwards around `fn` (the pipeline's own way of running them). */
export type RunLayersFrom = <T>(
  index: number,
  invocation: Invocation,
  fn: GuardedFunction<T>,
  options: ExecuteOptions | undefined,
) => Promise<T>;

type RetrySettings = ReturnType<RetryPolicy['startCall']>;

/**
 * Retry → circuit breaker → rate limit (DESIGN's order) for a call's first attempt, with
 * every decision taken synchronously: the retry starts, the breaker admits, the limiter
 * decides, the layers inside run, and the outcome reaches breaker and retry through one
 * promise, where the layers take one each (and a closure per layer). In the app that is
 * about 1–3 % of a protected request (docs/performance.md).
 *
 * The policies' own synchronous halves do the work, the ones their `execute` is made of, so
 * the semantics are the layers'. Later attempts run through the layers as usual, and so
 * does every call whose limiter cannot decide synchronously (a Redis store, an adaptive
 * limit). A breaker with an `execute` of its own (shared through the store) is not fused.
 */
export class FusedFirstAttempt {
  private constructor(
    /** Where the retry layer sits in the pipeline. */
    private readonly index: number,
    private readonly retry: RetryPolicy,
    private readonly breaker: CircuitBreakerPolicy,
    private readonly limiter: RateLimiterPolicy,
    /** The rate-limit layer's decision (it knows the call's key). */
    private readonly admitNow: NonNullable<Layer['admitNow']>,
    private readonly runFrom: RunLayersFrom,
  ) {}

  /** The fused lane of `layers`, if they hold a retry, a local breaker and a limiter in a row. */
  static of(layers: readonly Layer[], runFrom: RunLayersFrom): FusedFirstAttempt | undefined {
    const index = layers.findIndex((layer) => layer.kind === 'retry');
    const [retry, breaker, rateLimit] = index === -1 ? [] : layers.slice(index, index + 3);
    if (!retry || retry.executeFor || !(retry.target instanceof RetryPolicy)) return undefined;
    if (!breaker || breaker.executeFor || !isLocalBreaker(breaker.target)) return undefined;
    if (!rateLimit?.admitNow || !(rateLimit.target instanceof RateLimiterPolicy)) return undefined;
    return new FusedFirstAttempt(
      index,
      retry.target,
      breaker.target,
      rateLimit.target,
      rateLimit.admitNow,
      runFrom,
    );
  }

  /** Whether the lane takes over at layer `index` for this call. */
  runsAt(index: number): boolean {
    return index === this.index && this.limiter.decidesSynchronously();
  }

  execute<T>(
    invocation: Invocation,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
  ): Promise<T> {
    let settings: RetrySettings;
    try {
      settings = this.retry.startCall(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const { breaker } = this;
    let startedAt: number;
    let generation: number;
    let context: ExecutionContext;
    try {
      startedAt = breaker.startOfCall();
      generation = breaker.admit(startedAt);
    } catch (rejection) {
      return this.retryAfter(rejection, invocation, fn, options, settings);
    }
    try {
      // Defined: `runsAt` found the limiter deciding synchronously, in this same turn.
      context = this.admitNow(invocation, toExecutionContext(options, 1))!;
    } catch (refusal) {
      breaker.recordFailure(refusal, generation, startedAt);
      return this.retryAfter(refusal, invocation, fn, options, settings);
    }
    return this.runFrom(this.index + 3, invocation, fn, context).then(
      (value) => {
        breaker.recordSuccess(generation, startedAt);
        this.retry.firstAttemptSucceeded();
        return value;
      },
      (error: unknown) => {
        breaker.recordFailure(error, generation, startedAt);
        return this.retryAfter(error, invocation, fn, options, settings);
      },
    );
  }

  /** Attempts 2 and on, each through the layers from the breaker inwards. */
  private retryAfter<T>(
    error: unknown,
    invocation: Invocation,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
    settings: RetrySettings,
  ): Promise<T> {
    const attempt: GuardedFunction<T> = (context) =>
      this.runFrom(this.index + 1, invocation, fn, context);
    return this.retry.retryAfterFirstFailure(error, attempt, options, settings);
  }
}

/** A breaker whose `execute` is the one made of the halves the lane uses (not a shared one). */
function isLocalBreaker(target: Layer['target']): target is CircuitBreakerPolicy {
  return (
    target instanceof CircuitBreakerPolicy &&
    target.execute === CircuitBreakerPolicy.prototype.execute
  );
}
