import { TestClock } from '../../../lib/core/clock/index.js';
import { createFallback } from '../../../lib/core/fallback/index.js';

describe('pruning a fallback cache by age', () => {
  async function cacheWithAges(clock: TestClock) {
    const fallback = createFallback({ cache: { ttlMs: 1_000, staleTtlMs: 1_000 }, clock });
    for (const [key, age] of [
      ['expired', 2_500],
      ['stale', 1_500],
      ['fresh', 500],
    ] as const) {
      clock.set(10_000 - age);
      await fallback.execute(() => Promise.resolve(key), { key });
    }
    clock.set(10_000);
    return fallback;
  }

  it.each([
    ['expired', 1, 2],
    ['stale', 2, 1],
    ['all', 3, 0],
  ] as const)('drops the %s entries', async (scope, dropped, left) => {
    const fallback = await cacheWithAges(new TestClock());
    expect(fallback.cachedResults).toBe(3);
    expect(fallback.pruneCache(scope)).toBe(dropped);
    expect(fallback.cachedResults).toBe(left);
  });

  it('still answers from what is left', async () => {
    const clock = new TestClock();
    const fallback = await cacheWithAges(clock);
    fallback.pruneCache('stale');
    const failing = () => Promise.reject(new Error('down'));
    await expect(fallback.execute(failing, { key: 'fresh' })).resolves.toBe('fresh');
    await expect(fallback.execute(failing, { key: 'stale' })).rejects.toThrow();
  });

  it('drops nothing from a policy without a cache', () => {
    expect(createFallback({ defaultValue: 1 }).pruneCache('all')).toBe(0);
  });
});
