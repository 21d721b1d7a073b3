import { fixedWindow, resolveRateLimitRule } from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({ algorithm: 'fixed-window', limit: 3, windowMs: 1_000 });

describe('fixedWindow', () => {
  it('grants up to the limit within a window aligned to multiples of windowMs', () => {
    const state = fixedWindow.createState(rule, 200);
    expect(fixedWindow.consume(state, rule, 200, 1)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 800,
      retryAfterMs: 0,
    });
    expect(fixedWindow.consume(state, rule, 500, 1).remaining).toBe(1);
    expect(fixedWindow.consume(state, rule, 999, 1).remaining).toBe(0);
    expect(fixedWindow.consume(state, rule, 999, 1)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetMs: 1,
      retryAfterMs: 1,
    });
  });

  it('starts counting afresh exactly at the window edge', () => {
    const state = fixedWindow.createState(rule, 0);
    for (let i = 0; i < 3; i++) fixedWindow.consume(state, rule, 10, 1);
    expect(fixedWindow.consume(state, rule, 999, 1).allowed).toBe(false);
    expect(fixedWindow.consume(state, rule, 1_000, 1)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetMs: 1_000,
      retryAfterMs: 0,
    });
  });

  it('takes a cost all or nothing, and reports what is left when it refuses', () => {
    const state = fixedWindow.createState(rule, 0);
    expect(fixedWindow.consume(state, rule, 0, 2).remaining).toBe(1);
    expect(fixedWindow.consume(state, rule, 100, 2)).toMatchObject({
      allowed: false,
      remaining: 1,
      retryAfterMs: 900,
    });
    expect(fixedWindow.consume(state, rule, 100, 1)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('reads without taking when the cost is 0', () => {
    const state = fixedWindow.createState(rule, 0);
    fixedWindow.consume(state, rule, 0, 1);
    expect(fixedWindow.consume(state, rule, 1, 0)).toMatchObject({ allowed: true, remaining: 2 });
    expect(state.count).toBe(1);
  });

  it('expires the state at the end of its window', () => {
    const state = fixedWindow.createState(rule, 1_500);
    fixedWindow.consume(state, rule, 1_500, 1);
    expect(state.expiresAt).toBe(2_000);
  });
});
