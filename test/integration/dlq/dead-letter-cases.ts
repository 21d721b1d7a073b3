import {
  DeadLetterQueue,
  DeadLetterNotFoundError,
  DeadLetterPayloadError,
  STALLED_ERROR_NAME,
} from '../../../lib/dlq/queue/index.js';
import type { StoreUnderTest } from '../../support/store-contract/index.js';

const VISIBILITY = 30_000;
/** What a process that claims and then dies passes (the queue's default limit). */
const ONE_STALL = { maxStalls: 1, error: JSON.stringify({ name: 'Stalled', message: 'x' }) };

/** A queue over the test's store: 3 runs, exponential from 1 s, no jitter. */
export function queueOver(under: StoreUnderTest, overrides: { maxRetries?: number } = {}) {
  return new DeadLetterQueue(under.store.deadLetters, {
    visibilityTimeoutMs: VISIBILITY,
    maxRetries: overrides.maxRetries ?? 3,
    unhandledDelayMs: 60_000,
    clock: under.clock,
  });
}

/** The dead-letter queue's behaviour, the same over every store. */
export function deadLetterCases(get: () => StoreUnderTest): void {
  it('adds a message with its type, payload, error and times, and lists it', async () => {
    const { clock } = get();
    const queue = queueOver(get());
    const id = await queue.add(
      { type: 'email', payload: { to: 'a@b.c' } },
      new TypeError('smtp down'),
    );
    clock.set(clock.now() + 5);
    await queue.add({ type: 'sms', payload: { to: '+331' } }, 'gateway 503');
    const message = await queue.get(id);
    expect(message).toMatchObject({
      id,
      type: 'email',
      payload: { to: 'a@b.c' },
      error: {
        name: 'TypeError',
        message: 'smtp down',
        stack: expect.stringContaining('smtp down'),
      },
      status: 'pending',
      attempts: 0,
      maxRetries: 3,
      firstFailedAt: clock.now() - 5,
      nextRetryAt: clock.now() - 5,
    });
    expect((await queue.list()).map((m) => m.type)).toEqual(['sms', 'email']);
    expect((await queue.list({ type: 'email' })).map((m) => m.id)).toEqual([id]);
    expect(await queue.list({ status: 'exhausted' })).toEqual([]);
    expect(await queue.list({ limit: 1 })).toHaveLength(1);
    expect(await queue.get('nope')).toBeUndefined();
  });

  it('refuses a payload that is not JSON-serialisable, naming where', async () => {
    const queue = queueOver(get());
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    await expect(queue.add({ type: 'email', payload: cyclic }, 'x')).rejects.toThrow(
      /payload\.self refers back to itself.*JSON-serialisable/,
    );
    await expect(queue.add({ type: 'email', payload: { n: 10n } }, 'x')).rejects.toBeInstanceOf(
      DeadLetterPayloadError,
    );
    await expect(queue.add({ type: 'email', payload: { f: () => 1 } }, 'x')).rejects.toThrow(
      /payload\.f is a function/,
    );
    expect((await queue.stats()).total).toBe(0);
  });

  it('processBatch runs each due handler once and marks it succeeded', async () => {
    const queue = queueOver(get());
    const seen: unknown[] = [];
    queue.handlers.register('email', {
      handle: (p) => void seen.push(p),
      options: {},
      source: 'test',
    });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await queue.add({ type: 'email', payload: { i } }, 'x'));
    const result = await queue.processBatch(3);
    expect(result).toMatchObject({ claimed: 3, succeeded: 3 });
    expect((await queue.processBatch(10)).succeeded).toBe(2);
    expect((await queue.processBatch(10)).claimed).toBe(0);
    expect(seen).toHaveLength(5);
    expect((await queue.stats()).byStatus).toEqual({
      pending: 0,
      processing: 0,
      succeeded: 5,
      exhausted: 0,
    });
  });

  it('retries with backoff and exhausts after maxRetries failed runs, with the reason', async () => {
    const { clock } = get();
    const queue = queueOver(get());
    let runs = 0;
    queue.handlers.register('email', {
      handle: () => {
        runs++;
        throw new Error(`bounce ${runs}`);
      },
      options: { maxRetries: 3, backoff: 'exponential', baseDelayMs: 1_000, jitter: 'none' },
      source: 'test',
    });
    const id = await queue.add({ type: 'email', payload: {} }, 'x');
    expect((await queue.processBatch()).outcomes[0]).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      nextRetryAt: clock.now() + 1_000,
    });
    clock.set(clock.now() + 999);
    expect((await queue.processBatch()).claimed).toBe(0);
    clock.set(clock.now() + 1);
    expect((await queue.processBatch()).failed).toBe(1);
    clock.set(clock.now() + 2_000);
    expect((await queue.processBatch()).exhausted).toBe(1);
    clock.set(clock.now() + 3_600_000);
    expect((await queue.processBatch()).claimed).toBe(0);
    expect(runs).toBe(3);
    const message = await queue.get(id);
    expect(message).toMatchObject({
      status: 'exhausted',
      attempts: 3,
      lastError: { message: 'bounce 3' },
    });
    expect(message?.exhaustedReason).toMatch(/3 handler run\(s\) failed.*bounce 3/);
    expect((await queue.list({ status: 'exhausted' })).map((m) => m.id)).toEqual([id]);
  });

  it('retry(id) runs the handler at once and resolves with the outcome; unknown id rejects', async () => {
    const queue = queueOver(get(), { maxRetries: 1 });
    let fail = true;
    queue.handlers.register('email', {
      handle: () => {
        if (fail) throw new Error('down');
      },
      options: {},
      source: 't',
    });
    const id = await queue.add({ type: 'email', payload: {} }, 'x');
    expect(await queue.retry(id)).toMatchObject({
      id,
      outcome: 'exhausted',
      status: 'exhausted',
      attempts: 1,
    });
    fail = false;
    expect(await queue.retry(id)).toMatchObject({ id, outcome: 'succeeded', status: 'succeeded' });
    expect(await queue.retry(id)).toMatchObject({ outcome: 'already-succeeded' });
    await expect(queue.retry('missing-id')).rejects.toThrow(DeadLetterNotFoundError);
    await expect(queue.retry('missing-id')).rejects.toThrow(/missing-id/);
  });

  it('keeps a message without a handler, reports its type, and counts it', async () => {
    const queue = queueOver(get());
    const id = await queue.add({ type: 'orphan', payload: {} }, 'x');
    const result = await queue.processBatch();
    expect(result).toMatchObject({ claimed: 1, unhandled: 1 });
    expect(await queue.get(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await queue.stats()).unhandledTypes).toEqual(['orphan']);
  });

  it('returns a claimed message to the queue after the visibility timeout', async () => {
    const { clock, store } = get();
    const queue = queueOver(get());
    queue.handlers.register('email', { handle: () => undefined, options: {}, source: 't' });
    const id = await queue.add({ type: 'email', payload: {} }, 'x');
    const [claimed] = await store.deadLetters.claim(10, VISIBILITY, 'dead-process', ONE_STALL);
    expect(claimed.id).toBe(id);
    expect((await queue.processBatch()).claimed).toBe(0);
    expect((await queue.retry(id)).outcome).toBe('busy');
    clock.set(clock.now() + VISIBILITY);
    expect((await queue.processBatch()).succeeded).toBe(1);
    expect(await store.deadLetters.settle(id, 'dead-process', { kind: 'succeeded' })).toBe(false);
  });

  it('exhausts a message whose claims ran out more than maxStalledCount times, and retry(id) still runs it', async () => {
    const { clock, store } = get();
    const queue = queueOver(get());
    const runs: string[] = [];
    queue.handlers.register('email', {
      handle: (payload) => void runs.push(String((payload as { to: string }).to)),
      options: {},
      source: 't',
    });
    const id = await queue.add({ type: 'email', payload: { to: 'a@b.c' } }, 'x');
    expect(await store.deadLetters.claim(10, VISIBILITY, 'dies-1', ONE_STALL)).toHaveLength(1);
    clock.set(clock.now() + VISIBILITY);
    const [again] = await store.deadLetters.claim(10, VISIBILITY, 'dies-2', ONE_STALL);
    expect(again).toMatchObject({ id, status: 'processing', stalls: 1, attempts: 0 });
    clock.set(clock.now() + VISIBILITY);
    expect((await queue.processBatch()).claimed).toBe(0);
    const message = await queue.get(id);
    expect(message).toMatchObject({
      status: 'exhausted',
      stalls: 2,
      attempts: 0,
      settledAt: clock.now(),
      lastError: { name: STALLED_ERROR_NAME, message: expect.stringContaining('(1) time(s)') },
      exhaustedReason: expect.stringMatching(/^stalled 2 time\(s\); its claim ran out/),
    });
    expect(message).not.toHaveProperty('leaseUntil');
    expect((await queue.stats()).byStatus).toMatchObject({ processing: 0, exhausted: 1 });
    expect(runs).toEqual([]);
    expect(await queue.retry(id)).toMatchObject({ outcome: 'succeeded', status: 'succeeded' });
    expect(runs).toEqual(['a@b.c']);
  });

  it('claims messages whose claim ran out before pending ones, even ones due earlier', async () => {
    const { clock, store } = get();
    const queue = queueOver(get());
    const stalled = await queue.add({ type: 'email', payload: {} }, 'x');
    await store.deadLetters.claim(1, VISIBILITY, 'dies', ONE_STALL);
    clock.set(clock.now() + 1);
    const pending = await queue.add({ type: 'email', payload: {} }, 'x');
    clock.set(clock.now() + VISIBILITY);
    const [first] = await store.deadLetters.claim(1, VISIBILITY, 'next', ONE_STALL);
    expect(first).toMatchObject({ id: stalled, stalls: 1 });
    const [second] = await store.deadLetters.claim(1, VISIBILITY, 'next', ONE_STALL);
    expect(second).toMatchObject({ id: pending, stalls: 0 });
  });

  it('takes a stalled message back as often as maxStalledCount allows, 0 exhausting at once', async () => {
    const { clock, store } = get();
    const strict = new DeadLetterQueue(store.deadLetters, {
      visibilityTimeoutMs: VISIBILITY,
      maxRetries: 3,
      unhandledDelayMs: 60_000,
      maxStalledCount: 0,
      clock,
    });
    strict.handlers.register('email', { handle: () => undefined, options: {}, source: 't' });
    const first = await strict.add({ type: 'email', payload: {} }, 'x');
    clock.set(clock.now() + 1);
    const second = await strict.add({ type: 'email', payload: {} }, 'x');
    await store.deadLetters.claim(1, VISIBILITY, 'dies', ONE_STALL);
    clock.set(clock.now() + VISIBILITY);
    const batch = await strict.processBatch();
    expect(batch).toMatchObject({ claimed: 1, succeeded: 1 });
    expect((await strict.get(first))?.status).toBe('exhausted');
    expect((await strict.get(second))?.status).toBe('succeeded');
  });

  it('purges settled messages older than the retention, never pending ones', async () => {
    const { clock } = get();
    const queue = queueOver(get(), { maxRetries: 1 });
    queue.handlers.register('ok', { handle: () => undefined, options: {}, source: 't' });
    queue.handlers.register('bad', {
      handle: () => {
        throw new Error('no');
      },
      options: {},
      source: 't',
    });
    await queue.add({ type: 'ok', payload: {} }, 'x');
    await queue.add({ type: 'bad', payload: {} }, 'x');
    await queue.processBatch();
    const waiting = await queue.add({ type: 'orphan', payload: {} }, 'x');
    clock.set(clock.now() + 7 * 86_400_000);
    expect(await queue.purge({ olderThanDays: 7 })).toBe(0);
    clock.set(clock.now() + 1);
    expect(await queue.purge({ olderThanDays: 7 })).toBe(2);
    expect((await queue.list()).map((m) => m.id)).toEqual([waiting]);
    expect((await queue.stats()).byStatus).toEqual({
      pending: 1,
      processing: 0,
      succeeded: 0,
      exhausted: 0,
    });
  });
}
