import { TestClock } from '../../../lib/core/clock/index.js';
import { FallbackError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { createFallback, type FallbackOptions } from '../../../lib/core/fallback/index.js';
import type { ExecutionContext } from '../../../lib/core/policy/index.js';

const down = new Error('primary down');
const failPrimary = () => Promise.reject(down);

function setup<V>(options: FallbackOptions<V>) {
  const clock = new TestClock();
  const fallback = createFallback<V>({ clock, ...options });
  return { clock, fallback };
}

describe('FallbackPolicy', () => {
  it("returns the primary's value with source 'primary' and asks no layer", async () => {
    let asked = 0;
    const { fallback } = setup({ fallback: () => ++asked, defaultValue: -1 });
    expect(await fallback.executeWithSource(() => 42)).toEqual({
      value: 42,
      source: 'primary',
      warnings: [],
    });
    expect(await fallback.execute(() => 43)).toBe(43);
    expect(asked).toBe(0);
  });

  it("answers from the fallback function, which gets the primary's error and the context", async () => {
    const seen: Array<[unknown, ExecutionContext]> = [];
    const { fallback } = setup({
      fallback: (error: unknown, context: ExecutionContext) => {
        seen.push([error, context]);
        return 'from fallback';
      },
    });
    const result = await fallback.executeWithSource(failPrimary, { key: 'eu', attempt: 1 });
    expect(result).toEqual({ value: 'from fallback', source: 'fallback', warnings: [] });
    expect(seen[0][0]).toBe(down);
    expect(seen[0][1].key).toBe('eu');
  });

  it('tries fallback, cache, default, degraded in that order when no layers are given', async () => {
    let degraded = false;
    const { fallback } = setup<string>({
      fallback: () => {
        throw new Error('fallback down');
      },
      cache: { ttlMs: 1_000 },
      defaultValue: 'default',
      degradedValue: 'degraded',
      isDegraded: () => degraded,
    });
    const first = await fallback.executeWithSource(failPrimary);
    expect(first.source).toBe('default');
    expect(first.warnings).toEqual(["Fallback layer 'fallback' failed: fallback down"]);

    await fallback.execute(() => 'good');
    expect((await fallback.executeWithSource(failPrimary)).source).toBe('cache');

    degraded = true;
    expect((await fallback.executeWithSource(failPrimary)).source).toBe('cache');
    expect(fallback.layerStats().map((s) => s.layer)).toEqual([
      'primary',
      'fallback',
      'cache',
      'default',
      'degraded',
    ]);
  });

  it('serves the degraded value only while isDegraded() is true', async () => {
    let degraded = false;
    const { fallback } = setup({
      layers: [{ type: 'degraded', value: 'reduced' }],
      isDegraded: () => degraded,
    });
    expect(
      (await fallback.executeWithSource(failPrimary).catch((e: unknown) => e)) instanceof
        FallbackError,
    ).toBe(true);
    degraded = true;
    expect(await fallback.executeWithSource(failPrimary)).toEqual({
      value: 'reduced',
      source: 'degraded',
      warnings: [],
    });
  });

  it('follows explicit layers in the order given', async () => {
    const { fallback } = setup<string>({
      layers: [
        { type: 'default', value: 'default first' },
        { type: 'function', fn: () => 'function second', name: 'secondary' },
      ],
    });
    expect(await fallback.executeWithSource(failPrimary)).toMatchObject({
      value: 'default first',
      source: 'default',
    });
  });

  it('keeps the last good result per key: fresh, then stale with a warning, then gone', async () => {
    const { clock, fallback } = setup<string>({ cache: { ttlMs: 1_000, staleTtlMs: 5_000 } });
    await fallback.execute(() => 'eu prices', { key: 'eu' });
    await fallback.execute(() => 'us prices', { key: 'us' });

    await clock.advance(999);
    expect(await fallback.executeWithSource(failPrimary, { key: 'eu' })).toEqual({
      value: 'eu prices',
      source: 'cache',
      warnings: [],
    });

    await clock.advance(1);
    const stale = await fallback.executeWithSource(failPrimary, { key: 'us' });
    expect(stale).toMatchObject({ value: 'us prices', source: 'stale_cache' });
    expect(stale.warnings).toEqual([
      "Served a stale cached result for key 'us' (1000 ms old, fresh for 1000 ms)",
    ]);

    await clock.advance(5_000);
    const gone = await fallback
      .executeWithSource(failPrimary, { key: 'us' })
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(FallbackError);
    expect((gone as FallbackError).errors).toEqual([down]);
  });

  it("caches under 'default' when no key is given, and caches falsy results", async () => {
    const { fallback } = setup<number>({ cache: { ttlMs: 1_000 } });
    await fallback.execute(() => 0);
    expect(await fallback.executeWithSource(failPrimary)).toMatchObject({
      value: 0,
      source: 'cache',
    });
    expect(await fallback.executeWithSource(failPrimary, { key: 'default' })).toMatchObject({
      value: 0,
    });
  });

  it('bounds the cache by maxEntries, evicting the key stored longest ago', async () => {
    const { fallback } = setup<string>({
      cache: { ttlMs: 60_000, maxEntries: 2 },
      defaultValue: 'none',
    });
    await fallback.execute(() => 'a', { key: 'a' });
    await fallback.execute(() => 'b', { key: 'b' });
    await fallback.execute(() => 'a again', { key: 'a' });
    await fallback.execute(() => 'c', { key: 'c' });
    expect((await fallback.executeWithSource(failPrimary, { key: 'b' })).source).toBe('default');
    expect((await fallback.executeWithSource(failPrimary, { key: 'a' })).value).toBe('a again');
    expect((await fallback.executeWithSource(failPrimary, { key: 'c' })).value).toBe('c');
  });

  it('serves falsy default values (0, false, null)', async () => {
    for (const value of [0, false, null, '']) {
      const { fallback } = setup<unknown>({ defaultValue: value });
      expect(await fallback.executeWithSource(failPrimary)).toMatchObject({
        value,
        source: 'default',
      });
    }
  });

  it('rethrows an error shouldFallback refuses as it is', async () => {
    const { fallback } = setup({
      defaultValue: 'x',
      shouldFallback: (error) => (error as Error).message !== 'not found',
    });
    const notFound = new Error('not found');
    await expect(fallback.execute(() => Promise.reject(notFound))).rejects.toBe(notFound);
    expect(await fallback.execute(failPrimary)).toBe('x');
  });

  it('rejects with FallbackError listing every error in the order tried, primary first', async () => {
    const second = new Error('second down');
    const third = new Error('third down');
    const { fallback } = setup({
      layers: [
        { type: 'function', fn: () => Promise.reject(second), name: 'replica' },
        { type: 'cache' },
        { type: 'function', fn: () => Promise.reject(third), name: 'static' },
      ],
      cache: { ttlMs: 1_000 },
    });
    const error = await fallback.execute(failPrimary).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FallbackError);
    expect((error as FallbackError).errors).toEqual([down, second, third]);
    expect((error as FallbackError).cause).toBe(down);
  });

  it("rejects with the caller's abort reason and serves no fallback", async () => {
    const { fallback } = setup({ defaultValue: 'x' });
    const controller = new AbortController();
    const running = fallback.execute(
      ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { signal: controller.signal },
    );
    controller.abort('caller left');
    await expect(running).rejects.toBe('caller left');
    await expect(fallback.execute(() => 'never', { signal: controller.signal })).rejects.toBe(
      'caller left',
    );
  });

  it("tracks each layer's attempts, successes and success rate", async () => {
    let replicaUp = false;
    const { fallback } = setup({
      layers: [
        {
          type: 'function',
          fn: () => (replicaUp ? 'replica' : Promise.reject(new Error('no'))),
          name: 'replica',
        },
        { type: 'function', fn: () => 'static' },
        { type: 'default', value: 'never reached' },
      ],
    });
    await fallback.execute(() => 'ok');
    await fallback.execute(failPrimary);
    replicaUp = true;
    await fallback.execute(failPrimary);
    await fallback.execute(failPrimary);
    expect(fallback.layerStats()).toEqual([
      { layer: 'primary', attempts: 4, successes: 1, successRate: 0.25 },
      { layer: 'replica', attempts: 3, successes: 2, successRate: 2 / 3 },
      { layer: 'fallback', attempts: 1, successes: 1, successRate: 1 },
      { layer: 'default', attempts: 0, successes: 0, successRate: 0 },
    ]);
  });

  it('names repeated layers apart in the stats', () => {
    const { fallback } = setup({
      layers: [
        { type: 'function', fn: () => 1 },
        { type: 'function', fn: () => 2 },
      ],
    });
    expect(fallback.layerStats().map((s) => s.layer)).toEqual([
      'primary',
      'fallback',
      'fallback#2',
    ]);
  });

  it("emits 'fallback' with the source and the primary's error", async () => {
    const { fallback } = setup({ defaultValue: 'd' });
    const events: unknown[] = [];
    fallback.on('fallback', (event) => events.push(event));
    await fallback.execute(() => 'ok');
    await fallback.execute(failPrimary);
    expect(events).toEqual([{ source: 'default', error: down }]);
  });

  it('rejects invalid options naming each one', () => {
    const cases: Array<[unknown, string[]]> = [
      [{ layers: [{ type: 'cache' }] }, ['fallback.cache']],
      [{ cache: { staleTtlMs: -1 } }, ['fallback.cache.ttlMs', 'fallback.cache.staleTtlMs']],
      [
        { layers: [{ type: 'mirror' }, { type: 'function' }] },
        ['fallback.layers[0].type', 'fallback.layers[1].fn'],
      ],
      [{ layers: [{ type: 'default' }] }, ['fallback.layers[0].value']],
      [{ layers: [], defaultValue: 1 }, ['fallback.defaultValue']],
      [{ fallback: 'method', isDegraded: true }, ['fallback.fallback', 'fallback.isDegraded']],
      [{ cache: { ttlMs: 10, maxEntries: 0 } }, ['fallback.cache.maxEntries']],
    ];
    for (const [options, paths] of cases) {
      try {
        createFallback(options as FallbackOptions);
        throw new Error(`accepted ${JSON.stringify(options)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ResilienceConfigError);
        expect((error as ResilienceConfigError).issues.map((i) => i.path)).toEqual(paths);
      }
    }
  });
});
