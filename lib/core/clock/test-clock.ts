import type { Clock, TimerHandle } from './clock.js';

interface PendingTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/**
 * A clock that only moves when a test says so. `advance(ms)` fires every timer that falls
 * due, in order, letting promise callbacks run between timers so that code which awaits
 * and then schedules the next timer behaves as it would in real time.
 */
export class TestClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, dueAt: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** How many timers are waiting (a settled policy leaves none). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers and flushing promise jobs between them. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await flushPromises();
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.timers = this.timers.filter((t) => t !== timer);
      this.current = timer.dueAt;
      timer.callback();
      await flushPromises();
    }
    this.current = target;
    await flushPromises();
  }

  /** Moves time forward without firing anything asynchronous in between (sync code only). */
  set(now: number): void {
    this.current = now;
  }

  private nextDue(limit: number): PendingTimer | undefined {
    let earliest: PendingTimer | undefined;
    for (const timer of this.timers) {
      if (timer.dueAt <= limit && (!earliest || timer.dueAt < earliest.dueAt)) earliest = timer;
    }
    return earliest;
  }
}

/** Lets every queued promise callback run (several turns, for chains of awaits). */
export async function flushPromises(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}
