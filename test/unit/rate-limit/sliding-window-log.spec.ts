import fc from 'fast-check';
import {
  fixedWindow,
  resolveRateLimitRule,
  slidingWindowLog,
} from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({ algorithm: 'sliding-window', limit: 3, windowMs: 1_000 });

describe('slidingWindowLog', () => {
  it('counts a permit until exactly windowMs after it was taken', () => {
    const state = slidingWindowLog.createState(rule, 0);
    expect(slidingWindowLog.consume(state, rule, 0, 1)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 1_000,
      retryAfterMs: 0,
    });
    slidingWindowLog.consume(state, rule, 400, 1);
    slidingWindowLog.consume(state, rule, 800, 1);
    // The entry taken at 0 leaves at 1000; the newest (800) at 1800.
    expect(slidingWindowLog.consume(state, rule, 999, 1)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetMs: 801,
      retryAfterMs: 1,
    });
    expect(slidingWindowLog.consume(state, rule, 1_000, 1)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
    expect(slidingWindowLog.consume(state, rule, 1_000, 1)).toMatchObject({
      allowed: false,
      retryAfterMs: 400,
    });
  });

  it('waits for as many entries to leave as the cost needs', () => {
    const state = slidingWindowLog.createState(rule, 0);
    for (const t of [0, 100, 200]) slidingWindowLog.consume(state, rule, t, 1);
    expect(slidingWindowLog.consume(state, rule, 500, 2)).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterMs: 600, // the second oldest (100) leaves at 1100
    });
    expect(slidingWindowLog.consume(state, rule, 1_099, 2).allowed).toBe(false);
    expect(slidingWindowLog.consume(state, rule, 1_100, 2)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
  });

  it('blocks the boundary burst that a fixed window lets through', () => {
    const fixedRule = { ...rule, algorithm: 'fixed-window' as const, limit: 5 };
    const logRule = { ...rule, limit: 5 };
    const fixed = fixedWindow.createState(fixedRule, 0);
    const log = slidingWindowLog.createState(logRule, 0);
    let fixedAllowed = 0;
    let logAllowed = 0;
    for (const t of [999, 1_000]) {
      for (let i = 0; i < 5; i++) {
        if (fixedWindow.consume(fixed, fixedRule, t, 1).allowed) fixedAllowed++;
        if (slidingWindowLog.consume(log, logRule, t, 1).allowed) logAllowed++;
      }
    }
    expect(fixedAllowed).toBe(10);
    expect(logAllowed).toBe(5);
    expect(slidingWindowLog.consume(log, logRule, 1_000, 1).retryAfterMs).toBe(999);
  });

  it('keeps the log bounded by the limit however long the traffic runs', () => {
    const state = slidingWindowLog.createState(rule, 0);
    for (let t = 0; t < 100_000; t += 7) slidingWindowLog.consume(state, rule, t, 1);
    expect(state.count).toBeLessThanOrEqual(3);
    expect(state.times).toHaveLength(3);
  });

  it('forgets everything once the newest entry has left', () => {
    const state = slidingWindowLog.createState(rule, 0);
    slidingWindowLog.consume(state, rule, 50, 1);
    expect(state.expiresAt).toBe(1_050);
    expect(slidingWindowLog.consume(state, rule, 1_050, 0)).toMatchObject({
      remaining: 3,
      resetMs: 0,
    });
    expect(state.count).toBe(0);
  });

  it('keeps every entry in order as its ring grows and wraps', () => {
    const big = { ...rule, limit: 100 };
    const state = slidingWindowLog.createState(big, 0);
    for (let t = 0; t < 30; t++) slidingWindowLog.consume(state, big, t, 1);
    // At 1010 the permits taken at 0–10 have left; 75 more wrap the ring and grow it.
    for (let i = 0; i < 75; i++) slidingWindowLog.consume(state, big, 1_010, 1);
    expect(state.count).toBe(94);
    expect(state.times.length).toBeLessThanOrEqual(100);
    // 10 more need the 4 oldest live permits (11, 12, 13, 14) to leave: 14 + 1000 - 1010.
    expect(slidingWindowLog.consume(state, big, 1_010, 10)).toEqual({
      allowed: false,
      limit: 100,
      remaining: 6,
      resetMs: 1_000,
      retryAfterMs: 4,
    });
    expect(slidingWindowLog.consume(state, big, 1_014, 10)).toMatchObject({ allowed: true });
  });

  it('decides as a plain list of permit times would, whatever the traffic', () => {
    const traffic = fc.array(
      fc.record({ gap: fc.integer({ min: 0, max: 400 }), cost: fc.integer({ min: 0, max: 4 }) }),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(traffic, fc.integer({ min: 1, max: 40 }), (requests, limit) => {
        const model = { ...rule, limit };
        const state = slidingWindowLog.createState(model, 0);
        let permits: number[] = [];
        let now = 0;
        for (const { gap, cost } of requests) {
          now += gap;
          permits = permits.filter((t) => t > now - 1_000);
          const fits = permits.length + cost <= limit;
          const decision = slidingWindowLog.consume(state, model, now, cost);
          expect(decision.allowed).toBe(fits);
          if (fits) for (let i = 0; i < cost; i++) permits.push(now);
          expect(state.count).toBe(permits.length);
          if (!fits && cost <= limit) {
            const freeing = permits[permits.length + cost - limit - 1];
            expect(decision.retryAfterMs).toBe(freeing + 1_000 - now);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
