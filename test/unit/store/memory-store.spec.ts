import { resolveRateLimitRule } from '../../../lib/core/index.js';
import { MemoryStore } from '../../../lib/store/index.js';
import { newTestClock, storeContract } from '../../support/store-contract/index.js';

describe('MemoryStore', () => {
  storeContract(async () => {
    const clock = newTestClock();
    const store = new MemoryStore({ clock });
    return {
      store,
      clock,
      elapse: (ms) => clock.advance(ms),
      bucketCount: async () => store.rateLimits.size,
      async expectForgottenAfter(bucketKey, ms) {
        const before = store.rateLimits.size;
        clock.set(clock.now() + ms - 1);
        store.rateLimits.sweep();
        expect(store.rateLimits.size).toBe(before);
        clock.set(clock.now() + 1);
        store.rateLimits.sweep();
        expect(store.rateLimits.size).toBe(before - 1);
        expect(bucketKey).toBeTruthy();
      },
      close: () => store.close(),
    };
  });

  it('is not distributed and never reports an outage', async () => {
    const store = new MemoryStore();
    const events: string[] = [];
    store.on('unavailable', () => events.push('unavailable'));
    expect(store).toMatchObject({ kind: 'memory', distributed: false });
    await store.rateLimits.consume(
      'a:b',
      resolveRateLimitRule({ algorithm: 'fixed-window', limit: 1, windowMs: 1_000 }),
      1,
    );
    await store.close();
    expect(store.rateLimits.size).toBe(0);
    expect(events).toEqual([]);
  });
});
