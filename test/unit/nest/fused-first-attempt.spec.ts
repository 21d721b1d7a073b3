import { TestClock } from '../../../lib/core/clock/index.js';
import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { SharedCircuitBreakerPolicy } from '../../../lib/core/circuit-breaker/shared/index.js';
import { callContext, type ExecutionContext } from '../../../lib/core/policy/index.js';
import {
  createRateLimiter,
  MemoryRateLimitBackend,
  type RateLimiterPolicy,
  type RateLimitOperations,
} from '../../../lib/core/rate-limit/index.js';
import { createRetry } from '../../../lib/core/retry/index.js';
import type { Layer } from '../../../lib/nest/policies/layer.js';
import { MethodPipeline } from '../../../lib/nest/policies/method-pipeline.js';
import {
  FusedFirstAttempt,
  type RunLayersFrom,
} from '../../../lib/nest/policies/fused-first-attempt.js';

/** Choosing the lane runs nothing. */
const runFrom: RunLayersFrom = () => Promise.reject(new Error('not run by these tests'));
const clock = new TestClock();
const admitted: ExecutionContext = { signal: new AbortController().signal, attempt: 1 };

function rateLimitLayer(backend?: RateLimitOperations, adaptive = false): Layer {
  const limiter = adaptive
    ? createRateLimiter({ algorithm: 'adaptive', limit: 10, clock }, backend)
    : createRateLimiter({ limit: 10, clock }, backend);
  return { kind: 'rateLimit', target: limiter, admitNow: () => admitted };
}

function layers(overrides: Partial<Record<'retry' | 'breaker' | 'rateLimit', Layer>> = {}) {
  return [
    overrides.retry ?? { kind: 'retry', target: createRetry({ clock }) },
    overrides.breaker ?? { kind: 'circuitBreaker', target: createCircuitBreaker({ clock }) },
    overrides.rateLimit ?? rateLimitLayer(),
    { kind: 'timeout', target: createRetry({ clock }) },
  ] as Layer[];
}

/** A store that answers by promise, as Redis does. */
function asyncStore(): RateLimitOperations {
  const memory = new MemoryRateLimitBackend({ clock });
  return {
    consume: (key, rule, cost) => memory.consume(key, rule, cost),
    reset: (key) => memory.reset(key),
    resetAll: (prefix) => memory.resetAll(prefix),
  };
}

describe('FusedFirstAttempt.of', () => {
  it('fuses a retry, a local breaker and an in-process limiter in a row, from the retry on', () => {
    const lane = FusedFirstAttempt.of(layers(), runFrom);

    expect(lane?.runsAt(0)).toBe(true);
    expect(lane?.runsAt(1)).toBe(false);
  });

  it('fuses nothing when the breaker is split per key or shared through the store', () => {
    const keyed: Layer = {
      kind: 'circuitBreaker',
      target: createCircuitBreaker({ clock }),
      executeFor: (_invocation, fn, options) => Promise.resolve(fn(options as ExecutionContext)),
    };
    // Never reached: choosing the lane reads the breaker's class, not its store.
    const store = {} as never;
    const shared: Layer = {
      kind: 'circuitBreaker',
      target: new SharedCircuitBreakerPolicy({ clock }, store),
    };

    expect(FusedFirstAttempt.of(layers({ breaker: keyed }), runFrom)).toBeUndefined();
    expect(FusedFirstAttempt.of(layers({ breaker: shared }), runFrom)).toBeUndefined();
  });

  it('fuses nothing when the layers are not retry, breaker, rate limit in a row', () => {
    const [retry, breaker, rateLimit, timeout] = layers();

    expect(FusedFirstAttempt.of([retry, rateLimit, breaker, timeout], runFrom)).toBeUndefined();
    expect(FusedFirstAttempt.of([breaker, rateLimit, timeout], runFrom)).toBeUndefined();
  });

  it('leaves calls to the layers while the limiter cannot decide synchronously', () => {
    const redisLike = FusedFirstAttempt.of(
      layers({ rateLimit: rateLimitLayer(asyncStore()) }),
      runFrom,
    );
    const adaptive = FusedFirstAttempt.of(
      layers({ rateLimit: rateLimitLayer(undefined, true) }),
      runFrom,
    );

    expect(redisLike?.runsAt(0)).toBe(false);
    expect(adaptive?.runsAt(0)).toBe(false);
  });
});

describe('a method pipeline with retry, breaker and rate limit', () => {
  /** A rate-limit layer that notes which way each decision went. */
  function notingRateLimitLayer(limiter: RateLimiterPolicy, noted: string[]): Layer {
    return {
      kind: 'rateLimit',
      target: limiter,
      executeFor: (invocation, fn, options) => {
        noted.push('through the layer');
        return limiter.executeReporting(fn, callContext(options, invocation.args, 'k'), undefined);
      },
      admitNow: (invocation, options) => {
        noted.push('fused');
        const context = callContext(options, invocation.args, 'k');
        limiter.admitNow(context, undefined);
        return context;
      },
    };
  }

  it('takes a first attempt through the fused lane and a retried one through the layers', async () => {
    const testClock = new TestClock();
    const limiter = createRateLimiter({ limit: 10, clock: testClock });
    const noted: string[] = [];
    const pipeline = new MethodPipeline({ className: 'Orders', methodName: 'place' }, [
      {
        kind: 'retry',
        target: createRetry({ clock: testClock, backoff: 'fixed', baseDelayMs: 10 }),
      },
      { kind: 'circuitBreaker', target: createCircuitBreaker({ clock: testClock }) },
      notingRateLimitLayer(limiter, noted),
    ]);
    let attempts = 0;

    const call = pipeline.execute({ args: [] }, () => {
      if (++attempts === 1) throw new Error('first attempt fails');
      return 'placed';
    });
    await testClock.advance(10);

    await expect(call).resolves.toBe('placed');
    expect(noted).toEqual(['fused', 'through the layer']);
    expect(limiter.stats()).toMatchObject({ allowed: 2 });
  });
});
