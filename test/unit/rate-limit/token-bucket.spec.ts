import { resolveRateLimitRule, tokenBucket } from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({ algorithm: 'token-bucket', burst: 5, refillPerSecond: 1 });

describe('tokenBucket', () => {
  it('allows a burst up to the capacity, then one token per refill interval', () => {
    const state = tokenBucket.createState(rule, 0);
    for (let i = 4; i >= 0; i--) {
      expect(tokenBucket.consume(state, rule, 0, 1)).toMatchObject({ allowed: true, remaining: i });
    }
    expect(tokenBucket.consume(state, rule, 0, 1)).toEqual({
      allowed: false,
      limit: 5,
      remaining: 0,
      resetMs: 5_000,
      retryAfterMs: 1_000,
    });
    expect(tokenBucket.consume(state, rule, 999, 1)).toMatchObject({
      allowed: false,
      retryAfterMs: 1,
    });
    expect(tokenBucket.consume(state, rule, 1_000, 1)).toEqual({
      allowed: true,
      limit: 5,
      remaining: 0,
      resetMs: 5_000,
      retryAfterMs: 0,
    });
    expect(tokenBucket.consume(state, rule, 1_500, 1).retryAfterMs).toBe(500);
  });

  it('never holds more than the burst capacity', () => {
    const state = tokenBucket.createState(rule, 0);
    tokenBucket.consume(state, rule, 0, 5);
    expect(tokenBucket.consume(state, rule, 60_000, 1)).toMatchObject({
      allowed: true,
      remaining: 4,
      resetMs: 1_000,
    });
  });

  it('waits for enough tokens for the whole cost', () => {
    const state = tokenBucket.createState(rule, 0);
    tokenBucket.consume(state, rule, 0, 5);
    expect(tokenBucket.consume(state, rule, 1_500, 3)).toMatchObject({
      allowed: false,
      remaining: 1,
      retryAfterMs: 1_500,
    });
    expect(tokenBucket.consume(state, rule, 2_999, 3).allowed).toBe(false);
    expect(tokenBucket.consume(state, rule, 3_000, 3).allowed).toBe(true);
  });

  it('rounds waits up for rates that do not divide a second', () => {
    const thirds = resolveRateLimitRule({
      algorithm: 'token-bucket',
      burst: 1,
      refillPerSecond: 3,
    });
    const state = tokenBucket.createState(thirds, 0);
    tokenBucket.consume(state, thirds, 0, 1);
    expect(tokenBucket.consume(state, thirds, 0, 1).retryAfterMs).toBe(334);
    expect(tokenBucket.consume(state, thirds, 333, 1).allowed).toBe(false);
    expect(tokenBucket.consume(state, thirds, 334, 1).allowed).toBe(true);
  });

  it('defaults to a capacity of `limit` refilled over `windowMs`', () => {
    const defaults = resolveRateLimitRule({
      algorithm: 'token-bucket',
      limit: 60,
      windowMs: 60_000,
    });
    expect(defaults).toMatchObject({ burst: 60, refillPerSecond: 1 });
  });

  it('keeps the state as long as an empty bucket takes to fill after the last request', () => {
    const state = tokenBucket.createState(rule, 0);
    tokenBucket.consume(state, rule, 100, 2);
    expect(state.expiresAt).toBe(5_100);
  });
});
