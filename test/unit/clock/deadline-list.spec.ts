import {
  DeadlineList,
  TestClock,
  type ListedDeadline,
  type TimerHandle,
} from '../../../lib/core/clock/index.js';

class Entry implements ListedDeadline<Entry> {
  deadline = 0;
  previous: Entry | undefined;
  next: Entry | undefined;
  listed = false;
  constructor(readonly name: string) {}
}

/** A test clock whose timers can stop keeping the process alive, as Node's can. */
class KeepAliveClock extends TestClock {
  readonly keptAlive = new Map<TimerHandle, boolean>();
  keepAlive(handle: TimerHandle, keepAlive: boolean): void {
    this.keptAlive.set(handle, keepAlive);
  }
}

/** A test clock whose wall time can be set back or forward; its monotonic time runs on. */
class JumpingWallClock extends TestClock {
  private wallOffset = 0;
  setWallClock(byMs: number): void {
    this.wallOffset += byMs;
  }
  override now(): number {
    return super.now() + this.wallOffset;
  }
  monotonicNow(): number {
    return super.now();
  }
}

function listOn(clock: TestClock, ms: number) {
  const expired: string[] = [];
  const list = new DeadlineList<Entry>(clock, ms, (entry) =>
    expired.push(`${entry.name}@${clock.now()}`),
  );
  return { list, expired };
}

describe('DeadlineList', () => {
  it.each([
    ['back', -60_000],
    ['forward', 60_000],
  ])('expires each entry on time when the wall clock is set %s meanwhile', async (_, jumpMs) => {
    const clock = new JumpingWallClock(1_000);
    const expired: string[] = [];
    const list = new DeadlineList<Entry>(clock, 100, (entry) =>
      expired.push(`${entry.name}@${clock.monotonicNow()}`),
    );
    list.add(new Entry('a'));
    await clock.advance(40);
    list.add(new Entry('b'));
    clock.setWallClock(jumpMs);
    await clock.advance(59);
    expect(expired).toEqual([]);
    await clock.advance(1);
    expect(expired).toEqual(['a@1100']);
    await clock.advance(40);
    expect(expired).toEqual(['a@1100', 'b@1140']);
  });

  it('expires each entry exactly ms after it was added, in order, with one timer', async () => {
    const clock = new TestClock(1_000);
    const { list, expired } = listOn(clock, 100);
    list.add(new Entry('a'));
    await clock.advance(30);
    list.add(new Entry('b'));
    list.add(new Entry('c'));
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(69);
    expect(expired).toEqual([]);
    await clock.advance(1);
    expect(expired).toEqual(['a@1100']);
    await clock.advance(30);
    expect(expired).toEqual(['a@1100', 'b@1130', 'c@1130']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('never expires an entry that was removed, and says whether an entry was still listed', async () => {
    const clock = new TestClock();
    const { list, expired } = listOn(clock, 100);
    const a = new Entry('a');
    const b = new Entry('b');
    list.add(a);
    list.add(b);
    expect(list.remove(a)).toBe(true);
    expect(list.remove(a)).toBe(false);
    await clock.advance(100);
    expect(expired).toEqual(['b@100']);
    expect(list.remove(b)).toBe(false);
  });

  it('clears its timer when the list empties, on a clock that cannot unref timers', () => {
    const clock = new TestClock();
    const { list } = listOn(clock, 100);
    const a = new Entry('a');
    list.add(a);
    list.remove(a);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps one timer and only toggles whether it keeps the process alive, where it can', async () => {
    const clock = new KeepAliveClock();
    const { list, expired } = listOn(clock, 100);
    const a = new Entry('a');
    list.add(a);
    list.remove(a);
    expect(clock.pendingTimers).toBe(1);
    expect([...clock.keptAlive.values()]).toEqual([false]);

    await clock.advance(50);
    list.add(new Entry('b'));
    expect(clock.pendingTimers).toBe(1);
    expect([...clock.keptAlive.values()]).toEqual([true]);

    await clock.advance(50); // a's old deadline: nothing due, re-armed for b
    expect(expired).toEqual([]);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(50);
    expect(expired).toEqual(['b@150']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('never keeps the process alive when told not to, and expires nothing after stop()', async () => {
    const clock = new KeepAliveClock();
    const expired: string[] = [];
    const list = new DeadlineList<Entry>(clock, 100, (entry) => expired.push(entry.name), {
      keepsProcessAlive: false,
    });
    const a = new Entry('a');
    list.add(a);
    list.remove(a);
    list.add(new Entry('b'));
    expect(clock.keptAlive.size).toBe(0);
    expect(list.isEmpty).toBe(false);
    list.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(1_000);
    expect(expired).toEqual([]);
  });
});
