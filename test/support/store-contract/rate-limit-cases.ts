import {
  resolveRateLimitRule,
  type RateLimitDecision,
  type RateLimitOptions,
  type RateLimitRule,
} from '../../../lib/core/index.js';
import type { StoreUnderTest } from './store-under-test.js';

/** Window edges fall on multiples of `windowMs` (up to a minute); times are relative to it. */
const BASE = 1_020_000;

const ruleOf = (options: RateLimitOptions): RateLimitRule => resolveRateLimitRule(options);

/** Decisions at `BASE + t` on one bucket of one rule. */
function bucket(get: () => StoreUnderTest, rule: RateLimitRule, bucketKey = 'api:user-1') {
  return async (t: number, cost = 1): Promise<RateLimitDecision> => {
    const { store, clock } = get();
    clock.set(BASE + t);
    return store.rateLimits.consume(bucketKey, rule, cost);
  };
}

/** The same decisions, exactly, from every store: each algorithm on the test clock. */
export function rateLimitCases(get: () => StoreUnderTest): void {
  it('fixed window: counts per aligned window and says when it ends', async () => {
    const at = bucket(get, ruleOf({ algorithm: 'fixed-window', limit: 3, windowMs: 1_000 }));
    expect(await at(250)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 750,
      retryAfterMs: 0,
    });
    await at(250);
    expect(await at(300)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await at(300)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetMs: 700,
      retryAfterMs: 700,
    });
    expect(await at(999)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(await at(1_000)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 1_000,
      retryAfterMs: 0,
    });
    expect(await at(1_000, 3)).toMatchObject({ allowed: false, remaining: 2, retryAfterMs: 1_000 });
    expect(await at(1_000, 2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('sliding window (log): counts a permit until exactly windowMs after it', async () => {
    const at = bucket(get, ruleOf({ algorithm: 'sliding-window', limit: 3, windowMs: 1_000 }));
    expect(await at(0)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 1_000,
      retryAfterMs: 0,
    });
    await at(400);
    await at(800);
    expect(await at(999)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetMs: 801,
      retryAfterMs: 1,
    });
    expect(await at(1_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await at(1_000)).toMatchObject({ allowed: false, retryAfterMs: 400 });
    expect(await at(1_500, 2)).toMatchObject({ allowed: false, remaining: 1, retryAfterMs: 300 });
    expect(await at(1_800, 2)).toMatchObject({ allowed: true, remaining: 0, resetMs: 1_000 });
    expect(await at(1_800, 0)).toMatchObject({ allowed: true, remaining: 0, resetMs: 1_000 });
  });

  it('sliding window (counter): weights the previous window by its overlap', async () => {
    const at = bucket(
      get,
      ruleOf({ algorithm: 'sliding-window-counter', limit: 10, windowMs: 1_000 }),
    );
    expect(await at(500)).toEqual({
      allowed: true,
      limit: 10,
      remaining: 9,
      resetMs: 1_500,
      retryAfterMs: 0,
    });
    for (let i = 0; i < 9; i++) await at(500);
    expect(await at(600)).toEqual({
      allowed: false,
      limit: 10,
      remaining: 0,
      resetMs: 1_400,
      retryAfterMs: 500,
    });
    expect(await at(1_000)).toMatchObject({ allowed: false, retryAfterMs: 100 });
    expect(await at(1_099)).toMatchObject({ allowed: false });
    expect(await at(1_100)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await at(1_500)).toMatchObject({ allowed: true, remaining: 3, resetMs: 1_500 });
    expect(await at(3_000)).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('sliding window (counter): the exact wait when a cost needs the old window to fade', async () => {
    const at = bucket(
      get,
      ruleOf({ algorithm: 'sliding-window-counter', limit: 10, windowMs: 1_000 }),
    );
    await at(0, 8);
    await at(1_000);
    expect(await at(1_200, 4)).toMatchObject({ allowed: false, remaining: 2, retryAfterMs: 175 });
    expect(await at(1_374, 4)).toMatchObject({ allowed: false });
    expect(await at(1_375, 4)).toMatchObject({ allowed: true });
  });

  it('token bucket: a burst up to the capacity, then the refill rate', async () => {
    const at = bucket(get, ruleOf({ algorithm: 'token-bucket', burst: 5, refillPerSecond: 1 }));
    for (let left = 4; left >= 0; left--) {
      expect(await at(0)).toMatchObject({ allowed: true, remaining: left });
    }
    expect(await at(0)).toEqual({
      allowed: false,
      limit: 5,
      remaining: 0,
      resetMs: 5_000,
      retryAfterMs: 1_000,
    });
    expect(await at(999)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(await at(1_000)).toEqual({
      allowed: true,
      limit: 5,
      remaining: 0,
      resetMs: 5_000,
      retryAfterMs: 0,
    });
    expect(await at(2_500, 3)).toMatchObject({ allowed: false, remaining: 1, retryAfterMs: 1_500 });
    expect(await at(4_000, 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await at(120_000)).toMatchObject({ allowed: true, remaining: 4, resetMs: 1_000 });
  });

  it('token bucket: rounds waits up for rates that do not divide a second', async () => {
    const at = bucket(get, ruleOf({ algorithm: 'token-bucket', burst: 1, refillPerSecond: 3 }));
    await at(0);
    expect((await at(0)).retryAfterMs).toBe(334);
    expect((await at(333)).allowed).toBe(false);
    expect((await at(334)).allowed).toBe(true);
  });

  it('adaptive: admits like the counter at the limit the limiter sends', async () => {
    const ceiling = ruleOf({ algorithm: 'adaptive', limit: 10, windowMs: 1_000 });
    const full = bucket(get, ceiling);
    const shrunk = bucket(get, { ...ceiling, limit: 7 });
    for (let i = 0; i < 7; i++) expect((await shrunk(100)).allowed).toBe(true);
    expect(await shrunk(100)).toMatchObject({ allowed: false, limit: 7, remaining: 0 });
    expect(await full(100)).toMatchObject({ allowed: true, limit: 10, remaining: 2 });
  });

  it.each(['fixed-window', 'sliding-window', 'sliding-window-counter'] as const)(
    '%s: a lowered limit leaves no permit and never a negative remainder',
    async (algorithm) => {
      const wide = ruleOf({ algorithm, limit: 5, windowMs: 1_000 });
      const atWide = bucket(get, wide, 'api:lowered');
      const atNarrow = bucket(get, { ...wide, limit: 2 }, 'api:lowered');
      for (let i = 0; i < 4; i++) expect((await atWide(100)).allowed).toBe(true);
      expect(await atNarrow(100)).toMatchObject({ allowed: false, remaining: 0 });
      expect(await atNarrow(100, 0)).toMatchObject({ allowed: false, remaining: 0 });
    },
  );

  it('token bucket: a lowered burst holds no more tokens than it', async () => {
    const wide = ruleOf({ algorithm: 'token-bucket', burst: 5, refillPerSecond: 1 });
    await bucket(get, wide, 'api:lowered')(100);
    const atNarrow = bucket(get, { ...wide, burst: 2 }, 'api:lowered');
    expect(await atNarrow(100, 0)).toMatchObject({ allowed: true, limit: 2, remaining: 2 });
  });

  it('keeps buckets apart and reads without taking at cost 0', async () => {
    const rule = ruleOf({ algorithm: 'fixed-window', limit: 2, windowMs: 60_000 });
    const a = bucket(get, rule, 'api:a');
    const b = bucket(get, rule, 'api:b');
    await a(0, 2);
    expect(await a(1, 0)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await a(1)).allowed).toBe(false);
    expect(await b(1, 0)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await b(1)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('reset forgets one bucket; resetAll forgets one limiter and leaves the others', async () => {
    const { store } = get();
    const rule = ruleOf({ algorithm: 'sliding-window', limit: 1, windowMs: 60_000 });
    for (const key of ['orders:a', 'orders:b', 'search:a']) {
      expect((await bucket(get, rule, key)(0)).allowed).toBe(true);
    }
    await store.rateLimits.reset('orders:a');
    expect((await bucket(get, rule, 'orders:a')(1)).allowed).toBe(true);
    expect((await bucket(get, rule, 'orders:b')(1)).allowed).toBe(false);
    await store.rateLimits.resetAll('orders:');
    expect(await get().bucketCount()).toBe(1);
    expect((await bucket(get, rule, 'orders:b')(2)).allowed).toBe(true);
    expect((await bucket(get, rule, 'search:a')(2)).allowed).toBe(false);
  });

  it('forgets every bucket once it counts nothing (a TTL on every key)', async () => {
    const window = { limit: 10, windowMs: 60_000 };
    const cases = [
      { at: 1_079_250, forgottenAfter: 750, rule: { ...window, algorithm: 'fixed-window' } },
      { at: 2_000_000, forgottenAfter: 60_000, rule: { ...window, algorithm: 'sliding-window' } },
      {
        at: 3_000_250,
        forgottenAfter: 119_750,
        rule: { ...window, algorithm: 'sliding-window-counter' },
      },
      {
        at: 4_000_000,
        forgottenAfter: 5_000,
        rule: { ...window, algorithm: 'token-bucket', refillPerSecond: 2 },
      },
    ] as const;
    for (const { at, forgottenAfter, rule } of cases) {
      const key = `ttl:${rule.algorithm}`;
      await bucket(get, ruleOf(rule), key)(at);
      await get().expectForgottenAfter(key, forgottenAfter);
    }
  });
}
