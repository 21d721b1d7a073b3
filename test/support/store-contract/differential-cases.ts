import {
  MemoryRateLimitBackend,
  SharedBreakerCell,
  TestClock,
  resolveRateLimitRule,
  type RateLimitAlgorithm,
  type SharedBreakerSpec,
} from '../../../lib/core/index.js';
import { seededRandom } from '../../../lib/core/chaos/index.js';
import type { StoreUnderTest } from './store-under-test.js';

const ALGORITHMS: readonly RateLimitAlgorithm[] = [
  'fixed-window',
  'sliding-window',
  'sliding-window-counter',
  'token-bucket',
  'adaptive',
];
const STEPS_MS = [0, 0, 1, 7, 50, 333, 999, 1_000, 1_750] as const;
const COSTS = [1, 1, 1, 2, 3, 0, 6] as const;

/** Picks from a list with a seeded random source. */
const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

/**
 * Random traffic, replayed against the store and against the in-memory algorithms with
 * the same clock: every decision must be identical (for Redis: the Lua port matches the
 * TypeScript, including rounding and waits).
 */
export function differentialCases(get: () => StoreUnderTest): void {
  it.each(ALGORITHMS)('%s decides exactly like the in-memory algorithm', async (algorithm) => {
    const { store, clock } = get();
    const referenceClock = new TestClock(clock.now());
    const reference = new MemoryRateLimitBackend({ clock: referenceClock });
    const random = seededRandom(ALGORITHMS.indexOf(algorithm) + 1);
    const base = resolveRateLimitRule({ algorithm, limit: 5, windowMs: 1_000, refillPerSecond: 3 });
    for (let step = 0; step < 250; step++) {
      const now = clock.now() + pick(random, STEPS_MS);
      clock.set(now);
      referenceClock.set(now);
      const key = `diff:${pick(random, ['a', 'b', 'c'])}`;
      const cost = Math.min(pick(random, COSTS), 5);
      const rule = algorithm === 'adaptive' ? { ...base, limit: pick(random, [5, 4, 3]) } : base;
      const expected = reference.consumeNow(key, rule, cost);
      expect({ step, ...(await store.rateLimits.consume(key, rule, cost)) }).toEqual({
        step,
        ...expected,
      });
    }
    await reference.close();
  });

  const specs: Record<string, SharedBreakerSpec> = {
    consecutive: spec({ mode: 'consecutive', windowSize: 100, failureThreshold: 3 }),
    count: spec({ mode: 'count', windowSize: 6, failureThreshold: 50, minimumCalls: 4 }),
    time: spec({
      mode: 'time',
      windowSize: 3,
      failureThreshold: 60,
      minimumCalls: 3,
      slowCallsTrip: true,
      slowCallRateThreshold: 50,
    }),
  };

  it.each(Object.keys(specs))('a %s breaker moves exactly like the in-memory one', async (mode) => {
    const { store, clock } = get();
    const breakerSpec = specs[mode];
    // A breaker's state starts at its first use, in the store as here.
    let cell: SharedBreakerCell | undefined;
    const reference = (now: number) => (cell ??= new SharedBreakerCell(breakerSpec, now));
    const random = seededRandom(mode.length);
    const inFlight: { generation: number; probe: boolean }[] = [];
    for (let step = 0; step < 300; step++) {
      clock.set(clock.now() + pick(random, [0, 10, 400, 1_000, 2_500]));
      const now = clock.now();
      const roll = random();
      if (roll < 0.45 || inFlight.length === 0) {
        const expected = reference(now).admit(now);
        const actual = await store.breakers.admit(`diff-${mode}`, breakerSpec);
        expect({ step, ...actual }).toEqual({ step, ...expected });
        if (actual.allowed)
          inFlight.push({ generation: actual.snapshot.generation, probe: actual.probe });
      } else if (roll < 0.97) {
        const call = inFlight.splice(Math.floor(random() * inFlight.length), 1)[0];
        const kind = pick(random, ['success', 'failure', 'failure', 'ignored'] as const);
        const outcome = { generation: call.generation, kind, slow: random() < 0.3 };
        const actual = await store.breakers.record(`diff-${mode}`, breakerSpec, outcome);
        expect({ step, ...actual }).toEqual({ step, ...reference(now).record(outcome, now) });
      } else {
        const change = { to: 'CLOSED', reason: 'manualClose' } as const;
        const actual = await store.breakers.transition(`diff-${mode}`, breakerSpec, change);
        expect({ step, ...actual }).toEqual({ step, ...reference(now).transition(change, now) });
      }
    }
  });
}

/** A breaker spec with the test defaults. */
export function spec(overrides: Partial<SharedBreakerSpec>): SharedBreakerSpec {
  return {
    mode: 'consecutive',
    windowSize: 100,
    failureThreshold: 3,
    minimumCalls: 1,
    slowCallRateThreshold: 100,
    slowCallsTrip: false,
    recoveryTimeoutMs: 1_000,
    maxWaitInHalfOpenMs: 5_000,
    halfOpenMaxCalls: 2,
    successThreshold: 2,
    ...overrides,
  };
}
