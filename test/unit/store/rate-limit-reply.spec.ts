import { decisionOf } from '../../../lib/store/redis/rate-limit-reply.js';

describe('decisionOf (rate-limit script replies)', () => {
  it('reads an allowed permit packed into one integer', () => {
    const packed = 999_999 * 2 ** 31 + 59_999;
    expect(decisionOf(packed, 1_000_000)).toEqual({
      allowed: true,
      limit: 1_000_000,
      remaining: 999_999,
      resetMs: 59_999,
      retryAfterMs: 0,
    });
    expect(decisionOf(0, 3)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 0,
      resetMs: 0,
      retryAfterMs: 0,
    });
    const largest = (2 ** 21 - 1) * 2 ** 31 + (2 ** 31 - 1);
    expect(decisionOf(largest, 2 ** 21)).toMatchObject({
      remaining: 2 ** 21 - 1,
      resetMs: 2 ** 31 - 1,
    });
  });

  it('reads the table of a refusal, or of a permit too large to pack', () => {
    expect(decisionOf([0, 2, 700, 300], 3)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 2,
      resetMs: 700,
      retryAfterMs: 300,
    });
    expect(decisionOf([1, 5_000_000, 4_000_000_000, 0], 6_000_000)).toEqual({
      allowed: true,
      limit: 6_000_000,
      remaining: 5_000_000,
      resetMs: 4_000_000_000,
      retryAfterMs: 0,
    });
  });
});
