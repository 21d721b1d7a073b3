import fc from 'fast-check';
import {
  BUCKET_ALGORITHMS,
  resolveRateLimitRule,
  type RateLimitAlgorithm,
} from '../../../lib/core/rate-limit/index.js';

/** Random traffic: gaps between requests and their costs. */
const traffic = fc.array(
  fc.record({ gap: fc.integer({ min: 0, max: 700 }), cost: fc.integer({ min: 1, max: 3 }) }),
  {
    minLength: 1,
    maxLength: 60,
  },
);

describe.each<RateLimitAlgorithm>([
  'fixed-window',
  'sliding-window',
  'sliding-window-counter',
  'token-bucket',
])('%s: retryAfterMs is exact', (algorithm) => {
  it('refuses until retryAfterMs has passed and allows from then on', () => {
    fc.assert(
      fc.property(
        traffic,
        fc.integer({ min: 3, max: 12 }),
        fc.constantFrom(1_000, 1_500, 60_000),
        (requests, limit, windowMs) => {
          const rule = resolveRateLimitRule({ algorithm, limit, windowMs, refillPerSecond: limit });
          const bucket = BUCKET_ALGORITHMS[algorithm];
          const state = bucket.createState(rule, 0);
          let now = 0;
          for (const { gap, cost } of requests) {
            now += gap;
            const decision = bucket.consume(state, rule, now, cost);
            expect(decision.remaining).toBeGreaterThanOrEqual(0);
            if (decision.allowed) continue;
            const wait = decision.retryAfterMs;
            expect(wait).toBeGreaterThan(0);
            const justBefore = structuredClone(state);
            expect(bucket.consume(justBefore, rule, now + wait - 1, cost).allowed).toBe(false);
            const atWait = structuredClone(state);
            expect(bucket.consume(atWait, rule, now + wait, cost).allowed).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
