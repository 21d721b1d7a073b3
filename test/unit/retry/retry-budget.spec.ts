import { TestClock } from '../../../lib/core/clock/index.js';
import { RetryExhaustedError } from '../../../lib/core/errors/index.js';
import { RetryBudget, createRetry } from '../../../lib/core/retry/index.js';

describe('RetryBudget', () => {
  it('allows minRetriesPerWindow plus ratio × calls retries in the window', () => {
    const clock = new TestClock();
    const budget = new RetryBudget({ ratio: 0.2, minRetriesPerWindow: 1, windowMs: 1_000 }, clock);
    for (let i = 0; i < 10; i++) budget.recordCall();
    const granted = Array.from({ length: 5 }, () => budget.tryRetry());
    expect(granted).toEqual([true, true, true, false, false]);
    expect(budget.snapshot()).toEqual({ calls: 10, retries: 3 });
  });

  it('forgets calls and retries once the window has slid past them', async () => {
    const clock = new TestClock();
    const budget = new RetryBudget({ ratio: 0, minRetriesPerWindow: 2, windowMs: 1_000 }, clock);
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([true, true, false]);
    await clock.advance(500);
    expect(budget.tryRetry()).toBe(false);
    await clock.advance(500);
    expect(budget.snapshot()).toEqual({ calls: 0, retries: 0 });
    expect(budget.tryRetry()).toBe(true);
  });

  it('slides bucket by bucket: only the buckets older than the window are dropped', async () => {
    const clock = new TestClock();
    const budget = new RetryBudget({ ratio: 1, minRetriesPerWindow: 0, windowMs: 1_000 }, clock);
    budget.recordCall();
    await clock.advance(600);
    budget.recordCall();
    expect(budget.snapshot().calls).toBe(2);
    await clock.advance(400);
    expect(budget.snapshot().calls).toBe(1);
    await clock.advance(600);
    expect(budget.snapshot().calls).toBe(0);
  });

  it('keeps constant memory after a long silence and many calls', async () => {
    const clock = new TestClock();
    const budget = new RetryBudget({ ratio: 0.1, minRetriesPerWindow: 0, windowMs: 100 }, clock);
    for (let i = 0; i < 100_000; i++) budget.recordCall();
    await clock.advance(1e9);
    expect(budget.snapshot()).toEqual({ calls: 0, retries: 0 });
  });
});

describe('RetryPolicy with a budget', () => {
  it('stops a retry storm: 100 failing calls get at most ratio × 100 retries', async () => {
    const clock = new TestClock();
    const retry = createRetry({
      clock,
      maxAttempts: 5,
      baseDelayMs: 10,
      budget: { ratio: 0.1, minRetriesPerWindow: 0, windowMs: 60_000 },
    });
    const reasons = new Map<string, number>();
    retry.on('giveUp', ({ reason }) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1));
    let calls = 0;
    const results = Array.from({ length: 100 }, () =>
      retry
        .execute(() => {
          calls++;
          throw new Error('dependency down');
        })
        .catch((error: unknown) => error),
    );
    await clock.advance(10_000);
    const errors = await Promise.all(results);
    expect(errors.every((e) => e instanceof RetryExhaustedError)).toBe(true);
    expect(calls).toBe(110);
    expect(reasons.get('budgetSpent')).toBeGreaterThan(90);
    expect(clock.pendingTimers).toBe(0);
  });

  it('without a budget the same storm triples the load', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 3, baseDelayMs: 10 });
    let calls = 0;
    const results = Array.from({ length: 100 }, () =>
      retry
        .execute(() => {
          calls++;
          throw new Error('dependency down');
        })
        .catch(() => undefined),
    );
    await clock.advance(10_000);
    await Promise.all(results);
    expect(calls).toBe(300);
  });
});
