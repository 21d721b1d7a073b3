import { createBulkhead, type BulkheadOptions } from '../../../lib/core/bulkhead/index.js';
import { flushPromises } from '../../../lib/core/clock/index.js';
import { BulkheadRejectedError, ResilienceConfigError } from '../../../lib/core/errors/index.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** A call the test finishes by hand; `started` tells whether the bulkhead let it run. */
function gate(label: string) {
  let finish!: () => void;
  const promise = new Promise<string>((resolve) => {
    finish = () => resolve(label);
  });
  const state = { started: false };
  const fn = () => {
    state.started = true;
    return promise;
  };
  return { fn, state, finish };
}

function gates(count: number) {
  return Array.from({ length: count }, (_, i) => gate(`call ${i}`));
}

describe('BulkheadPolicy.reconfigure', () => {
  it('starts queued calls at once when maxConcurrent rises', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 3 });
    const calls = gates(4);
    const results = calls.map((call) => outcome(bulkhead.execute(call.fn)));
    await flushPromises();
    expect(calls.map((call) => call.state.started)).toEqual([true, false, false, false]);
    const result = bulkhead.reconfigure({ maxConcurrent: 3, maxQueue: 3 });
    expect(result).toEqual({
      restarted: false,
      previous: { maxConcurrent: 1, maxQueue: 3 },
      current: { maxConcurrent: 3, maxQueue: 3 },
    });
    await flushPromises();
    expect(calls.map((call) => call.state.started)).toEqual([true, true, true, false]);
    expect(bulkhead.stats()).toMatchObject({ running: 3, queued: 1, maxConcurrent: 3 });
    calls.forEach((call) => call.finish());
    expect((await Promise.all(results)).map((r) => r.value)).toEqual([
      'call 0',
      'call 1',
      'call 2',
      'call 3',
    ]);
    expect(bulkhead.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('lets running calls finish when maxConcurrent falls, admitting new ones only below it', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 3, maxQueue: 5 });
    const running = gates(3);
    running.forEach((call) => void outcome(bulkhead.execute(call.fn)));
    bulkhead.reconfigure({ maxConcurrent: 1, maxQueue: 5 });
    const waiting = gate('waiting');
    const waited = outcome(bulkhead.execute(waiting.fn));
    await flushPromises();
    expect(bulkhead.stats()).toMatchObject({ running: 3, queued: 1 });
    running[0].finish();
    await flushPromises();
    running[1].finish();
    await flushPromises();
    expect(waiting.state.started).toBe(false);
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 1 });
    running[2].finish();
    await flushPromises();
    expect(waiting.state.started).toBe(true);
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 0 });
    waiting.finish();
    expect(await waited).toEqual({ value: 'waiting' });
    expect(bulkhead.stats().running).toBe(0);
  });

  it('rejects the most recent waiters beyond a lower maxQueue with BulkheadRejectedError', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 3 });
    const rejections: unknown[] = [];
    bulkhead.on('rejected', (event) => rejections.push(event));
    const calls = gates(4);
    const results = calls.map((call) => outcome(bulkhead.execute(call.fn)));
    bulkhead.reconfigure({ maxConcurrent: 1, maxQueue: 1 });
    for (const rejected of await Promise.all([results[2], results[3]])) {
      expect(rejected.error).toBeInstanceOf(BulkheadRejectedError);
      expect(rejected.error).toMatchObject({ maxConcurrent: 1, maxQueue: 1 });
    }
    expect(bulkhead.stats()).toMatchObject({ running: 1, queued: 1, rejected: 2 });
    expect(rejections).toHaveLength(2);
    calls[0].finish();
    await flushPromises();
    expect(calls[1].state.started).toBe(true);
    expect(calls[2].state.started || calls[3].state.started).toBe(false);
    calls[1].finish();
    expect((await results[1]).value).toBe('call 1');
  });

  it('takes left-out options from the defaults', () => {
    const bulkhead = createBulkhead({ maxConcurrent: 2, maxQueue: 4 });
    expect(bulkhead.reconfigure({}).current).toEqual({ maxConcurrent: 10, maxQueue: 0 });
    expect([bulkhead.maxConcurrent, bulkhead.maxQueue]).toEqual([10, 0]);
  });

  it('rejects invalid options and changes nothing', async () => {
    const bulkhead = createBulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const invalid: unknown[] = [
      { maxConcurrent: 0 },
      { maxQueue: -1 },
      { maxConcurrent: 1.5 },
      'many',
    ];
    for (const options of invalid) {
      expect(() => bulkhead.reconfigure(options as BulkheadOptions)).toThrow(ResilienceConfigError);
    }
    const [first, second] = gates(2);
    void outcome(bulkhead.execute(first.fn));
    void outcome(bulkhead.execute(second.fn));
    const third = await outcome(bulkhead.execute(() => 'never'));
    expect(third.error).toBeInstanceOf(BulkheadRejectedError);
    expect(bulkhead.stats()).toMatchObject({ maxConcurrent: 1, maxQueue: 1, running: 1 });
  });

  it('emits reconfigured', () => {
    const bulkhead = createBulkhead({ maxConcurrent: 2 });
    const events: unknown[] = [];
    bulkhead.on('reconfigured', (event) => events.push(event));
    const result = bulkhead.reconfigure({ maxConcurrent: 4, maxQueue: 2 });
    expect(events).toEqual([result]);
  });
});
