import { StoreUnavailableError, TestClock } from '../../../lib/core/index.js';
import { DeadlineWatch } from '../../../lib/store/redis/deadline-watch.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup() {
  const clock = new TestClock();
  const watch = new DeadlineWatch(1_000, clock);
  const seen: string[] = [];
  const observer = {
    answered: () => seen.push('answered'),
    failed: (error: unknown) => seen.push(`failed ${(error as Error).message}`),
  };
  return { clock, watch, seen, observer };
}

describe('DeadlineWatch', () => {
  it('passes answers and errors through, and reports each', async () => {
    const { watch, seen, observer } = setup();
    await expect(watch.watch(Promise.resolve(7), observer)).resolves.toBe(7);
    await expect(watch.watch(Promise.reject(new Error('NOAUTH')), observer)).rejects.toThrow(
      'NOAUTH',
    );
    expect(seen).toEqual(['answered', 'failed NOAUTH']);
  });

  it('reads the answer with `read`, and rejects when reading throws', async () => {
    const { watch, seen, observer } = setup();
    const read = (answer: number) => {
      if (answer < 0) throw new Error('negative');
      return answer * 2;
    };
    await expect(watch.watch(Promise.resolve(7), observer, undefined, read)).resolves.toBe(14);
    await expect(watch.watch(Promise.resolve(-1), observer, undefined, read)).rejects.toThrow(
      'negative',
    );
    expect(seen).toEqual(['answered', 'answered']);
  });

  it('is busy while a command is unanswered', async () => {
    const { watch, observer } = setup();
    const pending = deferred<number>();
    expect(watch.busy).toBe(false);
    const watched = watch.watch(pending.promise, observer);
    expect(watch.busy).toBe(true);
    pending.resolve(1);
    await watched;
    expect(watch.busy).toBe(false);
  });

  it('fails a command without an answer once the timeout has passed, with one timer', async () => {
    const { clock, watch, seen, observer } = setup();
    const hung = deferred<string>();
    const answered = deferred<string>();
    const first = watch.watch(hung.promise, observer).catch((error: unknown) => error);
    await clock.advance(500);
    const second = watch.watch(answered.promise, observer);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(499);
    answered.resolve('ok');
    await expect(second).resolves.toBe('ok');
    await clock.advance(200);
    const error = await first;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).cause).toEqual(new Error('no answer within 1000 ms'));
    hung.resolve('too late');
    await clock.advance(0);
    expect(seen).toEqual(['answered', 'failed The resilience store is unavailable']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops its timer on stop()', async () => {
    const { clock, watch, observer } = setup();
    void watch.watch(new Promise(() => undefined), observer).catch(() => undefined);
    expect(clock.pendingTimers).toBe(1);
    watch.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
