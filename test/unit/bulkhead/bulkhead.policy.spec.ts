import { BulkheadRejectedError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { createBulkhead, checkBulkheadOptions } from '../../../lib/core/bulkhead/index.js';
import { flushPromises } from '../../../lib/core/clock/index.js';
import { OptionChecker } from '../../../lib/core/validation/index.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** A call the test finishes by hand; `started` tells whether the bulkhead let it run. */
function gate<T = string>(value?: T) {
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T | undefined>((resolve, reject) => {
    finish = () => resolve(value);
    fail = reject;
  });
  const state = { started: false };
  const fn = () => {
    state.started = true;
    return promise;
  };
  return { fn, state, promise, finish, fail };
}

describe('BulkheadPolicy', () => {
  it('runs maxConcurrent, queues maxQueue and rejects the rest', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 2, maxQueue: 1 });
    const rejections: unknown[] = [];
    bulkhead.on('rejected', (event) => rejections.push(event));
    const [a, b, c] = [gate('a'), gate('b'), gate('c')];
    const results = [a, b, c].map((g) => outcome(bulkhead.execute(g.fn)));
    const { error } = await outcome(bulkhead.execute(() => 'never'));
    expect(error).toBeInstanceOf(BulkheadRejectedError);
    expect([
      (error as BulkheadRejectedError).maxConcurrent,
      (error as BulkheadRejectedError).maxQueue,
    ]).toEqual([2, 1]);
    expect([a.state.started, b.state.started, c.state.started]).toEqual([true, true, false]);
    expect(bulkhead.stats()).toEqual({
      running: 2,
      queued: 1,
      maxConcurrent: 2,
      maxQueue: 1,
      rejected: 1,
    });
    expect(rejections).toEqual([{ running: 2, queued: 1 }]);

    a.finish();
    await flushPromises();
    expect(c.state.started).toBe(true);
    expect(bulkhead.stats()).toMatchObject({ running: 2, queued: 0 });
    b.finish();
    c.finish();
    expect((await Promise.all(results)).map((r) => r.value)).toEqual(['a', 'b', 'c']);
    expect(bulkhead.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('serves the queue first come, first served', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 3 });
    const order: string[] = [];
    const first = gate();
    const running = outcome(bulkhead.execute(first.fn));
    const queued = ['x', 'y', 'z'].map((name) => outcome(bulkhead.execute(() => order.push(name))));
    first.finish();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['x', 'y', 'z']);
  });

  it('hands a freed slot to the next waiter before a new arrival can take it', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const [first, queued] = [gate('first'), gate('queued')];
    const order: string[] = [];
    const results = [
      outcome(bulkhead.execute(first.fn)),
      outcome(
        bulkhead.execute(() => {
          order.push('queued');
          return queued.promise;
        }),
      ),
    ];
    // Arrives right after the bulkhead sees the first call settle, before the waiter resumes.
    const late = first.promise.then(() =>
      outcome(
        bulkhead.execute(() => {
          order.push('late');
          return 'late';
        }),
      ),
    );
    first.finish();
    await flushPromises();
    expect(order).toEqual(['queued']);
    queued.finish();
    expect(await late).toEqual({ value: 'late' });
    expect(order).toEqual(['queued', 'late']);
    expect((await Promise.all(results)).map((r) => r.value)).toEqual(['first', 'queued']);
  });

  it('an aborted waiter leaves the queue, the next waiter still runs, and slots return to full', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 2 });
    const running = gate('first');
    const [aborted, next] = [gate('aborted'), gate('next')];
    const controller = new AbortController();
    const results = [
      outcome(bulkhead.execute(running.fn)),
      outcome(bulkhead.execute(aborted.fn, { signal: controller.signal })),
      outcome(bulkhead.execute(next.fn)),
    ];
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 2 });

    controller.abort(new Error('waiter gave up'));
    expect((await results[1]).error).toEqual(new Error('waiter gave up'));
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 1 });

    running.finish();
    await flushPromises();
    expect(aborted.state.started).toBe(false);
    expect(next.state.started).toBe(true);
    next.finish();
    expect((await results[2]).value).toBe('next');

    expect(bulkhead.stats()).toMatchObject({ running: 0, queued: 0 });
    const again = [gate(), gate(), gate()];
    const more = again.map((g) => outcome(bulkhead.execute(g.fn)));
    expect(again.map((g) => g.state.started)).toEqual([true, false, false]);
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 2 });
    again.forEach((g) => g.finish());
    await Promise.all(more);
    expect(again.every((g) => g.state.started)).toBe(true);
    expect(bulkhead.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('returns the slot after failures and synchronous throws', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1 });
    const failing = gate();
    const failed = outcome(bulkhead.execute(failing.fn));
    failing.fail(new Error('async failure'));
    expect((await failed).error).toEqual(new Error('async failure'));
    const thrown = await outcome(
      bulkhead.execute(() => {
        throw new Error('sync failure');
      }),
    );
    expect(thrown.error).toEqual(new Error('sync failure'));
    expect(await outcome(bulkhead.execute(() => 'still works'))).toEqual({ value: 'still works' });
    expect(bulkhead.stats()).toMatchObject({ running: 0, rejected: 0 });
  });

  it("rejects with the caller's reason, without taking a slot, when already aborted", async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1 });
    const controller = new AbortController();
    controller.abort('gone');
    expect(await outcome(bulkhead.execute(() => 'x', { signal: controller.signal }))).toEqual({
      error: 'gone',
    });
    expect(bulkhead.stats()).toMatchObject({ running: 0 });
  });

  it('passes the signal, attempt and key to the function', async () => {
    const bulkhead = createBulkhead();
    const controller = new AbortController();
    const context = await bulkhead.execute((c) => c, {
      signal: controller.signal,
      key: 'k',
      attempt: 2,
    });
    expect([context.signal, context.key, context.attempt]).toEqual([controller.signal, 'k', 2]);
  });

  it('defaults to 10 running and no queue', () => {
    expect(createBulkhead().stats()).toEqual({
      running: 0,
      queued: 0,
      maxConcurrent: 10,
      maxQueue: 0,
      rejected: 0,
    });
  });

  it('refuses maxConcurrent < 1, negative or fractional sizes', () => {
    for (const bad of [
      { maxConcurrent: 0 },
      { maxQueue: -1 },
      { maxConcurrent: 1.5 },
      { maxQueue: Number.NaN },
    ]) {
      expect(() => createBulkhead(bad)).toThrow(ResilienceConfigError);
    }
    const checker = new OptionChecker('defaults.bulkhead');
    checkBulkheadOptions({ maxConcurrent: 0, maxQueue: -2 }, checker);
    expect(checker.issues.map((i) => i.path)).toEqual([
      'defaults.bulkhead.maxConcurrent',
      'defaults.bulkhead.maxQueue',
    ]);
  });
});
