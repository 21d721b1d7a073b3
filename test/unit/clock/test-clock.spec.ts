import { TestClock } from '../../../lib/core/clock/index.js';
import { abortableSleep } from '../../../lib/core/abort/index.js';

describe('TestClock', () => {
  it('fires due timers in order and only when time reaches them', async () => {
    const clock = new TestClock(1_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    await clock.advance(9);
    expect(fired).toEqual([]);
    await clock.advance(11);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.now()).toBe(1_020);
    expect(clock.pendingTimers).toBe(0);
  });

  it('runs timers scheduled by promise callbacks during the same advance', async () => {
    const clock = new TestClock();
    const woke: number[] = [];
    const chain = (async () => {
      await abortableSleep(clock, 10);
      woke.push(clock.now());
      await abortableSleep(clock, 10);
      woke.push(clock.now());
    })();
    await clock.advance(25);
    await chain;
    expect(woke).toEqual([10, 20]);
  });

  it('abortableSleep rejects with the reason and clears its timer', async () => {
    const clock = new TestClock();
    const controller = new AbortController();
    const sleeping = abortableSleep(clock, 1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
  });
});
