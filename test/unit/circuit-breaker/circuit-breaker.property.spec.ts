import fc from 'fast-check';
import {
  createCircuitBreaker,
  type CircuitBreakerOptions,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError } from '../../../lib/core/errors/index.js';
import { BreakerModel, type CallKind, type ModelConfig } from './breaker-model.js';

const IGNORED = new Error('ignored by isFailure');
const FAILURE = new Error('counted failure');

type Step =
  | { kind: CallKind; durationMs: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'open' | 'close' | 'reset' | 'isolate' };

const configArbitrary: fc.Arbitrary<ModelConfig> = fc.record({
  mode: fc.constantFrom('consecutive' as const, 'count' as const, 'time' as const),
  failureThreshold: fc.integer({ min: 1, max: 4 }),
  windowSize: fc.integer({ min: 1, max: 6 }),
  minimumCalls: fc.integer({ min: 1, max: 6 }),
  failureRateThreshold: fc.oneof(
    fc.constantFrom(20, 25, 50, 75, 100),
    fc.integer({ min: 1, max: 100 }),
  ),
  slowCallDurationMs: fc.constantFrom(50, undefined),
  slowCallRateThreshold: fc.oneof(fc.constantFrom(50, 100), fc.integer({ min: 1, max: 100 })),
  recoveryTimeoutMs: fc.constantFrom(0, 100, 1_000),
  successThreshold: fc.integer({ min: 1, max: 3 }),
  maxWaitInHalfOpenMs: fc.constantFrom(50, 500, undefined),
});

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('success' as const, 'failure' as const, 'ignored' as const),
      durationMs: fc.constantFrom(0, 10, 49, 50, 51, 100, 700),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(0, 1, 49, 50, 99, 100, 400, 999, 1_000, 1_500, 5_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'open' as const,
        'close' as const,
        'reset' as const,
        'isolate' as const,
      ),
    }),
  },
);

function optionsOf(config: ModelConfig, clock: TestClock): CircuitBreakerOptions {
  const common: CircuitBreakerOptions = {
    slowCallDurationMs: config.slowCallDurationMs,
    slowCallRateThreshold: config.slowCallRateThreshold,
    recoveryTimeoutMs: config.recoveryTimeoutMs,
    successThreshold: config.successThreshold,
    maxWaitInHalfOpenMs: config.maxWaitInHalfOpenMs,
    isFailure: (error) => error !== IGNORED,
    clock,
  };
  if (config.mode === 'consecutive')
    return { ...common, failureThreshold: config.failureThreshold };
  return {
    ...common,
    slidingWindow: { type: config.mode, size: config.windowSize },
    minimumCalls: config.minimumCalls,
    failureRateThreshold: config.failureRateThreshold,
  };
}

describe('CircuitBreakerPolicy against a reference model', () => {
  it('agrees step by step on random sequences of calls, time and manual controls', async () => {
    await fc.assert(
      fc.asyncProperty(
        configArbitrary,
        fc.array(stepArbitrary, { maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        async (config, steps, start) => {
          const clock = new TestClock(start);
          const breaker = createCircuitBreaker(optionsOf(config, clock));
          const model = new BreakerModel(config);
          const changes: string[] = [];
          breaker.on('stateChange', ({ from, to, reason }) =>
            changes.push(`${from}>${to}:${reason}`),
          );

          for (const step of steps) {
            const now = clock.now();
            if (step.kind === 'advance') {
              clock.set(now + step.ms);
            } else if (
              step.kind === 'success' ||
              step.kind === 'failure' ||
              step.kind === 'ignored'
            ) {
              const expected = model.call(step.kind, step.durationMs, now);
              const outcome = await breaker
                .execute(() => {
                  clock.set(clock.now() + step.durationMs);
                  if (step.kind === 'success') return 'ok';
                  throw step.kind === 'ignored' ? IGNORED : FAILURE;
                })
                .then(
                  (value) => ({ value, error: undefined }),
                  (error: unknown) => ({ value: undefined, error }),
                );
              if (expected.rejected) {
                expect(outcome.error).toBeInstanceOf(CircuitOpenError);
                expect((outcome.error as CircuitOpenError).retryAfterMs).toBe(
                  expected.retryAfterMs,
                );
                expect(clock.now()).toBe(now);
              } else if (step.kind === 'success') {
                expect(outcome.value).toBe('ok');
              } else {
                expect(outcome.error).toBe(step.kind === 'ignored' ? IGNORED : FAILURE);
              }
            } else {
              breaker[step.kind]();
              model[step.kind](now);
            }

            const at = clock.now();
            const stats = breaker.stats();
            if (model.state !== 'CLOSED') model.refresh(at);
            const rates = model.rates(at);
            expect(stats).toMatchObject({
              state: model.state,
              isolated: model.isolated,
              ...model.counts,
              totalCalls: model.counts.successes + model.counts.failures + model.counts.ignored,
              consecutiveFailures: model.consecutiveFailures,
            });
            expect(stats.failureRate).toBeCloseTo(rates.failureRate, 9);
            expect(stats.slowCallRate).toBeCloseTo(rates.slowCallRate, 9);
            expect(changes).toEqual(model.changes);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
