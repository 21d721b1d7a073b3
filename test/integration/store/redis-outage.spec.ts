import { jest } from '@jest/globals';
import {
  RateLimitExceededError,
  StoreUnavailableError,
  createRateLimiter,
  type RateLimiterPolicy,
  type StoreFailureMode,
} from '../../../lib/core/index.js';
import { connectRedisStore, type RedisStore } from '../../../lib/store/index.js';
import { freePort } from '../../integration/support/free-port.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { waitUntil } from '../../support/resp-probe.js';

const MODES: readonly StoreFailureMode[] = ['fail-open', 'fail-closed', 'local'];

describeWithRedis('Redis outage', () => {
  let server: RedisServer;
  let store: RedisStore;
  let limiters: Record<StoreFailureMode, RateLimiterPolicy>;
  const storeEvents: string[] = [];
  const limiterEvents: string[] = [];
  const unhandled = jest.fn();

  beforeAll(async () => {
    process.on('unhandledRejection', unhandled);
    server = await startRedisServer();
    store = await connectRedisStore({ url: server.url, keyPrefix: 'outage:', storeTimeoutMs: 300 });
    expect(await store.whenReady(5_000)).toBe(true);
    store.on('unavailable', () => storeEvents.push('unavailable'));
    store.on('available', () => storeEvents.push('available'));
    const entries = MODES.map((mode) => {
      const limiter = createRateLimiter(
        { name: mode, limit: 2, windowMs: 60_000, onStoreFailure: mode },
        store.rateLimits,
      );
      limiter.on('storeFailure', () => limiterEvents.push(`${mode} failure`));
      limiter.on('storeRecovered', () => limiterEvents.push(`${mode} recovered`));
      return [mode, limiter] as const;
    });
    limiters = Object.fromEntries(entries) as Record<StoreFailureMode, RateLimiterPolicy>;
  });

  afterAll(async () => {
    await Promise.all(Object.values(limiters).map((limiter) => limiter.close()));
    await store.close();
    await server.stop();
    process.off('unhandledRejection', unhandled);
  });

  const consumeEach = () =>
    Promise.all(MODES.map((mode) => limiters[mode].consume('user').catch((e: unknown) => e)));

  it('counts in Redis while it is up', async () => {
    const [open, closed, local] = await consumeEach();
    expect([open, closed, local]).toMatchObject([
      { remaining: 1 },
      { remaining: 1 },
      { remaining: 1 },
    ]);
  });

  it('follows each onStoreFailure mode when redis-server dies, failing fast', async () => {
    await server.stop({ crash: true });
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      expect(await limiters['fail-open'].consume('user')).toMatchObject({ allowed: true });
    }
    const closed = await limiters['fail-closed'].consume('user').catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(StoreUnavailableError);
    const work = jest.fn(() => 'ran');
    await expect(limiters['fail-closed'].execute(work)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(work).not.toHaveBeenCalled();
    // The local copy has its own counts, with the same rule: 2 per window, per process.
    await limiters.local.execute(() => 1, { key: 'user' });
    await limiters.local.execute(() => 2, { key: 'user' });
    await expect(limiters.local.execute(() => 3, { key: 'user' })).rejects.toBeInstanceOf(
      RateLimitExceededError,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(storeEvents).toEqual(['unavailable']);
    expect(limiterEvents.sort()).toEqual([
      'fail-closed failure',
      'fail-open failure',
      'local failure',
    ]);
  });

  it('uses the shared counters again, by itself, once redis-server is back', async () => {
    await server.start();
    await waitUntil(async () => storeEvents.includes('available'), 'the store to reconnect');
    await waitUntil(
      async () => (await limiters.local.consume('fresh')).remaining === 1,
      'a decision from Redis',
    );
    expect(await limiters.local.consume('fresh')).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiters['fail-closed'].consume('user')).toMatchObject({
      allowed: true,
      remaining: 1,
    });
    expect(storeEvents).toEqual(['unavailable', 'available']);
    expect(limiterEvents.filter((event) => event.endsWith('recovered')).sort()).toEqual([
      'fail-closed recovered',
      'local recovered',
    ]);
  });

  it('bounds a command to a server that stops answering by storeTimeoutMs', async () => {
    server.pause();
    try {
      const started = Date.now();
      const error = await limiters['fail-closed'].consume('user').catch((e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(900);
      expect((await limiters.local.consume('paused')).allowed).toBe(true);
    } finally {
      server.resume();
    }
  });

  it('never leaves a rejection unhandled', () => {
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describeWithRedis('Redis down at start-up', () => {
  it('starts without waiting for Redis, decides locally, then uses Redis once it appears', async () => {
    const port = await freePort();
    const store = await connectRedisStore({
      url: `redis://127.0.0.1:${port}`,
      storeTimeoutMs: 200,
    });
    expect(await store.whenReady(300)).toBe(false);
    const limiter = createRateLimiter(
      { name: 'late', limit: 5, windowMs: 60_000 },
      store.rateLimits,
    );
    expect(await limiter.consume('user')).toMatchObject({ allowed: true, remaining: 4 });
    const { spawnRedis, killRedis } = await import('../../support/redis-server.js');
    const child = await spawnRedis(port);
    try {
      await waitUntil(async () => (await limiter.consume('shared')).remaining === 4, 'Redis');
      expect(await limiter.consume('shared')).toMatchObject({ remaining: 3 });
    } finally {
      await limiter.close();
      await store.close();
      await killRedis(child);
    }
  });
});
