import { TestClock } from '../../../lib/core/clock/index.js';
import { FallbackError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { createFallback, type FallbackOptions } from '../../../lib/core/fallback/index.js';

const down = () => {
  throw new Error('primary down');
};

describe('FallbackPolicy.reconfigure', () => {
  it('answers the next failure from the new layers', async () => {
    const fallback = createFallback<string>({ defaultValue: 'old default' });
    const result = fallback.reconfigure({
      layers: [
        { type: 'function', name: 'replica', fn: () => 'from replica' },
        { type: 'default', value: 'new default' },
      ],
    });
    expect(result).toEqual({
      restarted: false,
      previous: { layers: ['default'] },
      current: { layers: ['replica', 'default'] },
    });
    expect(await fallback.executeWithSource(down)).toMatchObject({
      value: 'from replica',
      source: 'fallback',
    });
  });

  it('keeps cached results while the new options still have a cache, judged by the new TTLs', async () => {
    const clock = new TestClock(0);
    const fallback = createFallback<string>({ cache: { ttlMs: 10_000 }, clock });
    await fallback.execute(() => 'fresh value', { key: 'eu' });
    await clock.advance(2_000);
    const result = fallback.reconfigure({
      cache: { ttlMs: 1_000, staleTtlMs: 5_000 },
      defaultValue: 'default',
    });
    expect(result.restarted).toBe(false);
    expect(result.current.cache).toEqual({ ttlMs: 1_000, staleTtlMs: 5_000, maxEntries: 1_000 });
    const answer = await fallback.executeWithSource(down, { key: 'eu' });
    expect(answer).toMatchObject({ value: 'fresh value', source: 'stale_cache' });
    expect(answer.warnings).toHaveLength(1);
  });

  it('evicts the oldest entries beyond a lower maxEntries', async () => {
    const clock = new TestClock(0);
    const fallback = createFallback<string>({ cache: { ttlMs: 60_000 }, clock });
    for (const key of ['a', 'b', 'c']) await fallback.execute(() => `value ${key}`, { key });
    fallback.reconfigure({ cache: { ttlMs: 60_000, maxEntries: 2 }, defaultValue: 'none' });
    expect(await fallback.execute(down, { key: 'a' })).toBe('none');
    expect(await fallback.execute(down, { key: 'c' })).toBe('value c');
  });

  it('drops the cache when the new options have none, and says so', async () => {
    const fallback = createFallback<string>({ cache: { ttlMs: 60_000 } });
    await fallback.execute(() => 'cached');
    const result = fallback.reconfigure({ defaultValue: 'default' });
    expect(result.restarted).toBe(true);
    expect(result.current).toEqual({ layers: ['default'] });
    expect(await fallback.execute(down)).toBe('default');
  });

  it('keeps the stats of the layers that remain', async () => {
    const fallback = createFallback<string>({ defaultValue: 'default' });
    await fallback.execute(down);
    await fallback.execute(() => 'ok');
    fallback.reconfigure({ fallback: () => 'fn', defaultValue: 'default' });
    expect(fallback.layerStats()).toEqual([
      { layer: 'primary', attempts: 2, successes: 1, successRate: 0.5 },
      { layer: 'fallback', attempts: 0, successes: 0, successRate: 0 },
      { layer: 'default', attempts: 1, successes: 1, successRate: 1 },
    ]);
  });

  it('answers a call in flight from the chain it started with', async () => {
    const fallback = createFallback<string>({ defaultValue: 'old' });
    let fail!: (error: unknown) => void;
    const inFlight = fallback.execute(() => new Promise<string>((_, reject) => (fail = reject)));
    fallback.reconfigure({ defaultValue: 'new' });
    fail(new Error('late'));
    expect(await inFlight).toBe('old');
    expect(await fallback.execute(down)).toBe('new');
  });

  it('applies a new shouldFallback to the next failure', async () => {
    const fallback = createFallback<string>({ defaultValue: 'default' });
    fallback.reconfigure({ defaultValue: 'default', shouldFallback: () => false });
    await expect(fallback.execute(down)).rejects.toThrow('primary down');
  });

  it('rejects invalid options and changes nothing', async () => {
    const clock = new TestClock(0);
    const fallback = createFallback<string>({ cache: { ttlMs: 60_000 }, defaultValue: 'd', clock });
    await fallback.execute(() => 'cached');
    const invalid: unknown[] = [
      { layers: 'cache' },
      { layers: [{ type: 'cache' }] },
      { layers: [{ type: 'default' }] },
      { layers: [], defaultValue: 1 },
      { cache: { ttlMs: -1 } },
      { clock: new TestClock() },
    ];
    for (const options of invalid) {
      expect(() => fallback.reconfigure(options as FallbackOptions<string>)).toThrow(
        ResilienceConfigError,
      );
    }
    expect(fallback.effectiveOptions()).toEqual({
      layers: ['cache', 'default'],
      cache: { ttlMs: 60_000, staleTtlMs: 0, maxEntries: 1_000 },
    });
    expect(await fallback.execute(down)).toBe('cached');
  });

  it('with no layer left, a failure rejects with FallbackError', async () => {
    const fallback = createFallback<string>({ defaultValue: 'default' });
    fallback.reconfigure({});
    await expect(fallback.execute(down)).rejects.toBeInstanceOf(FallbackError);
  });

  it('emits reconfigured', () => {
    const fallback = createFallback<string>({ defaultValue: 'a' });
    const events: unknown[] = [];
    fallback.on('reconfigured', (event) => events.push(event));
    const result = fallback.reconfigure({ defaultValue: 'b', degradedValue: 'c' });
    expect(events).toEqual([result]);
    expect(result.current).toEqual({ layers: ['default', 'degraded'] });
  });
});
