import { resolveRateLimitRule, slidingWindowCounter } from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({
  algorithm: 'sliding-window-counter',
  limit: 10,
  windowMs: 1_000,
});

function filledAt(t: number, count = 10) {
  const state = slidingWindowCounter.createState(rule, t);
  for (let i = 0; i < count; i++) slidingWindowCounter.consume(state, rule, t, 1);
  return state;
}

describe('slidingWindowCounter', () => {
  it('grants up to the limit in a window and says when the next permit fits', () => {
    const state = slidingWindowCounter.createState(rule, 500);
    expect(slidingWindowCounter.consume(state, rule, 500, 1)).toEqual({
      allowed: true,
      limit: 10,
      remaining: 9,
      resetMs: 1_500, // both counters are empty at 2000
      retryAfterMs: 0,
    });
    for (let i = 0; i < 9; i++) slidingWindowCounter.consume(state, rule, 500, 1);
    // At 1100 the previous window (10) weighs 0.9: 9 + 1 fits.
    expect(slidingWindowCounter.consume(state, rule, 600, 1)).toEqual({
      allowed: false,
      limit: 10,
      remaining: 0,
      resetMs: 1_400,
      retryAfterMs: 500,
    });
  });

  it('weights the previous window by how much the sliding window still overlaps it', () => {
    const state = filledAt(500);
    expect(slidingWindowCounter.consume(state, rule, 1_000, 1)).toMatchObject({
      allowed: false,
      retryAfterMs: 100,
    });
    expect(slidingWindowCounter.consume(state, rule, 1_099, 1).allowed).toBe(false);
    expect(slidingWindowCounter.consume(state, rule, 1_100, 1)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
    // At 1500: 1 + 10 × 0.5 used; one more leaves 3.
    expect(slidingWindowCounter.consume(state, rule, 1_500, 1)).toMatchObject({
      allowed: true,
      remaining: 3,
      resetMs: 1_500,
    });
  });

  it('computes the wait exactly when the previous window must fade further for a cost', () => {
    const state = filledAt(0, 8);
    slidingWindowCounter.consume(state, rule, 1_000, 1);
    // At 1200: 1 + 8 × 0.8 = 7.4 used; a cost of 4 needs 8 × (1 − e) ≤ 5 → e ≥ 375.
    expect(slidingWindowCounter.consume(state, rule, 1_200, 4)).toMatchObject({
      allowed: false,
      remaining: 2,
      retryAfterMs: 175,
    });
    expect(slidingWindowCounter.consume(state, rule, 1_374, 4).allowed).toBe(false);
    expect(slidingWindowCounter.consume(state, rule, 1_375, 4).allowed).toBe(true);
  });

  it('blocks a burst across the window edge', () => {
    const state = filledAt(999);
    expect(slidingWindowCounter.consume(state, rule, 1_000, 1).allowed).toBe(false);
  });

  it('forgets both windows after two idle windows', () => {
    const state = filledAt(0);
    expect(state.expiresAt).toBe(2_000);
    expect(slidingWindowCounter.consume(state, rule, 2_000, 1)).toMatchObject({
      allowed: true,
      remaining: 9,
    });
    expect(state.previous).toBe(0);
  });
});
