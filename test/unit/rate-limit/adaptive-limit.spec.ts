import {
  adaptiveLimitAt,
  createAdaptiveLimitState,
  recordAdaptiveOutcome,
  resolveRateLimitRule,
  type AdaptiveLimitState,
} from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({
  algorithm: 'adaptive',
  limit: 10,
  windowMs: 1_000,
  minLimit: 2,
});

function windowOf(state: AdaptiveLimitState, start: number, successes: number, failures: number) {
  for (let i = 0; i < successes; i++) recordAdaptiveOutcome(state, rule, start + 1, true);
  for (let i = 0; i < failures; i++) recordAdaptiveOutcome(state, rule, start + 2, false);
  return adaptiveLimitAt(state, rule, start + 1_000);
}

describe('adaptive limit (AIMD)', () => {
  it('starts at the configured limit and keeps it within the window', () => {
    const state = createAdaptiveLimitState(rule, 0);
    recordAdaptiveOutcome(state, rule, 10, false);
    expect(adaptiveLimitAt(state, rule, 999)).toBe(10);
  });

  it('multiplies the limit by backoffFactor after each unhealthy window, down to minLimit', () => {
    const state = createAdaptiveLimitState(rule, 0);
    const limits = [0, 1, 2, 3, 4].map((w) => windowOf(state, w * 1_000, 1, 9));
    expect(limits).toEqual([7, 4, 3, 2, 2]);
    expect(state.limit).toBe(2);
  });

  it('grows back additively, by recoveryStep (default a tenth of the limit) per healthy window, never above the limit', () => {
    const state = createAdaptiveLimitState(rule, 0);
    state.limit = 2;
    const limits = Array.from({ length: 10 }, (_, w) => windowOf(state, w * 1_000, 10, 0));
    expect(limits).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 10, 10]);
  });

  it('adds the same recoveryStep whatever the current limit (additive, not multiplicative)', () => {
    const stepped = resolveRateLimitRule({ ...rule, limit: 100, recoveryStep: 2.5 });
    const low = createAdaptiveLimitState(stepped, 0);
    const high = createAdaptiveLimitState(stepped, 0);
    low.limit = 4;
    high.limit = 60;
    expect([1_000, 2_000].map((at) => adaptiveLimitAt(low, stepped, at))).toEqual([6, 9]);
    expect([1_000, 2_000].map((at) => adaptiveLimitAt(high, stepped, at))).toEqual([62, 65]);
  });

  it('shrinks below the threshold and not at it', () => {
    const atThreshold = createAdaptiveLimitState(rule, 0);
    expect(windowOf(atThreshold, 0, 8, 2)).toBe(10);
    const below = createAdaptiveLimitState(rule, 0);
    expect(windowOf(below, 0, 7, 3)).toBe(7);
  });

  it('counts idle windows as healthy', () => {
    const state = createAdaptiveLimitState(rule, 0);
    windowOf(state, 0, 0, 5);
    expect(adaptiveLimitAt(state, rule, 2_000)).toBe(8); // 7 + 1 after one idle window
    expect(adaptiveLimitAt(state, rule, 60_000)).toBe(10);
  });

  it('grows once for each idle window that has passed', () => {
    const state = createAdaptiveLimitState(rule, 0);
    state.limit = 2;
    expect(adaptiveLimitAt(state, rule, 5_000)).toBe(7); // 2 + 5 × 1
    expect(windowOf(state, 5_000, 0, 1)).toBe(4); // 7 × 0.7 = 4.9
    expect(adaptiveLimitAt(state, rule, 9_000)).toBe(7); // 4.9 + 3 × 1 = 7.9
  });

  it('shrinks for an unhealthy window and then grows for the idle ones after it', () => {
    const state = createAdaptiveLimitState(rule, 0);
    recordAdaptiveOutcome(state, rule, 1, false);
    expect(adaptiveLimitAt(state, rule, 3_000)).toBe(9); // 10 × 0.7 + 2 × 1
    const again = createAdaptiveLimitState(rule, 0);
    recordAdaptiveOutcome(again, rule, 1, false);
    expect(adaptiveLimitAt(again, rule, 2_000)).toBe(8); // 10 × 0.7 + 1
    expect(adaptiveLimitAt(again, rule, 60_000)).toBe(10); // capped at the limit
  });
});
