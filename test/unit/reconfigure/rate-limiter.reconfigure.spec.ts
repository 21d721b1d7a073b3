import { flushPromises, TestClock } from '../../../lib/core/clock/index.js';
import { RateLimitExceededError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import {
  createRateLimiter,
  MemoryRateLimitBackend,
  type RateLimitAlgorithm,
  type RateLimitDecision,
  type RateLimitOperations,
  type RateLimitOptions,
  type RateLimitRule,
} from '../../../lib/core/rate-limit/index.js';

/** The algorithms that count permits per window (all but the token bucket). */
const WINDOW_ALGORITHMS: RateLimitAlgorithm[] = [
  'sliding-window',
  'sliding-window-counter',
  'fixed-window',
  'adaptive',
];

/** How many permits `key` gets in a row now. */
async function permitsLeft(
  limiter: ReturnType<typeof createRateLimiter>,
  key = 'default',
): Promise<number> {
  let taken = 0;
  while ((await limiter.consume(key)).allowed) taken++;
  return taken;
}

describe('RateLimiterPolicy.reconfigure', () => {
  describe.each(WINDOW_ALGORITHMS)('%s', (algorithm) => {
    it('keeps what the buckets hold and judges it by a higher limit', async () => {
      const clock = new TestClock(0);
      const limiter = createRateLimiter({ algorithm, limit: 3, windowMs: 1_000, clock });
      await limiter.consume('a');
      await limiter.consume('a');
      const result = limiter.reconfigure({ algorithm, limit: 5, windowMs: 1_000 });
      expect(result.restarted).toBe(false);
      expect(await permitsLeft(limiter, 'a')).toBe(3);
      expect(await permitsLeft(limiter, 'b')).toBe(5);
    });

    it('refuses at once when a lower limit is already used up, with none remaining', async () => {
      const clock = new TestClock(0);
      const limiter = createRateLimiter({ algorithm, limit: 5, windowMs: 1_000, clock });
      for (let i = 0; i < 4; i++) await limiter.consume();
      limiter.reconfigure({ algorithm, limit: 2, windowMs: 1_000 });
      const refused = await limiter.consume();
      expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    });
  });

  describe('token-bucket', () => {
    const bucket = { algorithm: 'token-bucket', windowMs: 1_000 } as const;

    it('keeps the tokens left; a larger bucket fills at the new rate', async () => {
      const clock = new TestClock(0);
      const limiter = createRateLimiter({ ...bucket, limit: 3, clock });
      await limiter.consume('a');
      await limiter.consume('a');
      expect(limiter.reconfigure({ ...bucket, limit: 6 }).restarted).toBe(false);
      expect(await permitsLeft(limiter, 'a')).toBe(1);
      // 6 tokens a second: a full bucket of 6 after one second.
      await clock.advance(1_000);
      expect(await permitsLeft(limiter, 'a')).toBe(6);
    });

    it('holds no more than a smaller burst', async () => {
      const clock = new TestClock(0);
      const limiter = createRateLimiter({ ...bucket, limit: 5, clock });
      await limiter.consume();
      limiter.reconfigure({ ...bucket, limit: 2 });
      expect(await limiter.consume()).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
      expect(await permitsLeft(limiter)).toBe(1);
    });
  });

  it('resets the buckets when the algorithm changes, and says so', async () => {
    const clock = new TestClock(0);
    const limiter = createRateLimiter({
      algorithm: 'fixed-window',
      limit: 2,
      windowMs: 1_000,
      clock,
    });
    expect(await permitsLeft(limiter)).toBe(2);
    const result = limiter.reconfigure({ algorithm: 'token-bucket', limit: 2, windowMs: 1_000 });
    expect(result.restarted).toBe(true);
    expect([result.previous.algorithm, result.current.algorithm]).toEqual([
      'fixed-window',
      'token-bucket',
    ]);
    expect(limiter.rule.algorithm).toBe('token-bucket');
    expect(await permitsLeft(limiter)).toBe(2);
  });

  it('checks a cost against the new capacity', async () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, clock: new TestClock(0) });
    limiter.reconfigure({ limit: 5, windowMs: 1_000 });
    expect(await limiter.consume('a', 5)).toMatchObject({ allowed: true, remaining: 0 });
    limiter.reconfigure({ limit: 3, windowMs: 1_000 });
    await expect(limiter.consume('b', 4)).rejects.toBeInstanceOf(RangeError);
  });

  it('lets the new window decide when permits come back', async () => {
    const clock = new TestClock(0);
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, clock });
    await limiter.consume();
    limiter.reconfigure({ limit: 1, windowMs: 1_000 });
    await clock.advance(1_000);
    expect((await limiter.consume()).allowed).toBe(true);
  });

  it('adaptive: keeps the lowered limit, brought under a lower ceiling', async () => {
    const clock = new TestClock(0);
    const options = { algorithm: 'adaptive', limit: 10, windowMs: 1_000, clock } as const;
    const limiter = createRateLimiter(options);
    for (let i = 0; i < 5; i++) limiter.recordOutcome(false);
    await clock.advance(1_000);
    expect(limiter.stats().effectiveLimit).toBe(7);
    const changes: unknown[] = [];
    limiter.on('limitChanged', (change) => changes.push(change));
    limiter.reconfigure({ ...options, clock: undefined, limit: 20 });
    expect(limiter.stats().effectiveLimit).toBe(7);
    limiter.reconfigure({ algorithm: 'adaptive', limit: 5, windowMs: 1_000 });
    expect(limiter.stats().effectiveLimit).toBe(5);
    expect(changes).toEqual([{ name: 'rate-limit', from: 7, to: 5 }]);
  });

  it('lets a call admitted before the change finish', async () => {
    const clock = new TestClock(0);
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, clock });
    let finish!: (value: string) => void;
    const running = limiter.execute(() => new Promise<string>((resolve) => (finish = resolve)));
    limiter.reconfigure({ algorithm: 'token-bucket', limit: 1, windowMs: 1_000 });
    finish('done');
    await expect(running).resolves.toBe('done');
  });

  it('rejects invalid options and changes nothing', async () => {
    const clock = new TestClock(0);
    const limiter = createRateLimiter({ name: 'search', limit: 2, windowMs: 1_000, clock });
    await limiter.consume();
    const invalid: unknown[] = [
      { limit: 0 },
      { windowMs: -1 },
      { algorithm: 'leaky-bucket' },
      { limit: 2, minLimit: 3 },
      { name: 'other' },
      { maxKeys: 10 },
      { onStoreFailure: 'fail-open' },
      { clock: new TestClock() },
    ];
    for (const options of invalid) {
      expect(() => limiter.reconfigure(options as RateLimitOptions)).toThrow(ResilienceConfigError);
    }
    expect(limiter.rule).toMatchObject({ algorithm: 'sliding-window', limit: 2 });
    expect(await permitsLeft(limiter)).toBe(1);
    const error = await limiter.execute(() => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect((error as RateLimitExceededError).limit).toBe(2);
  });

  it('emits reconfigured with the name and both rules', () => {
    const limiter = createRateLimiter({ name: 'search', limit: 2, windowMs: 1_000 });
    const events: unknown[] = [];
    limiter.on('reconfigured', (event) => events.push(event));
    const result = limiter.reconfigure({ limit: 4, windowMs: 1_000 });
    expect(events).toEqual([result]);
    expect(result.previous).toMatchObject({ name: 'search', limit: 2, burst: 2 });
    expect(result.current).toMatchObject({ name: 'search', limit: 4, burst: 4 });
  });

  it('with an asynchronous store, waits for the reset before the next decision', async () => {
    const clock = new TestClock(0);
    const memory = new MemoryRateLimitBackend({ clock });
    let finishReset!: () => void;
    const resets: string[] = [];
    const store: RateLimitOperations = {
      consume: (key: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision> =>
        memory.consume(key, rule, cost),
      reset: (key) => memory.reset(key),
      resetAll: (prefix) => {
        resets.push(prefix);
        return new Promise<void>((resolve) => {
          finishReset = () => void memory.resetAll(prefix).then(resolve);
        });
      },
    };
    const limiter = createRateLimiter(
      { name: 'api', algorithm: 'fixed-window', limit: 1, windowMs: 1_000, clock },
      store,
    );
    expect((await limiter.consume()).allowed).toBe(true);
    limiter.reconfigure({ algorithm: 'sliding-window', limit: 1, windowMs: 1_000 });
    let decided: RateLimitDecision | undefined;
    const next = limiter.consume().then((decision) => (decided = decision));
    await flushPromises();
    expect(resets).toEqual(['api:']);
    expect(decided).toBeUndefined();
    finishReset();
    await next;
    expect(decided?.allowed).toBe(true);
    await memory.close();
  });
});
