import { resolveRateLimitRule, type RateLimitAlgorithm } from '../../../lib/core/index.js';
import { Redis } from 'ioredis';
import { RedisStore } from '../../../lib/store/index.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

/** The socket writes of a client, counted as the kernel sees them (one per write/writev). */
function countWrites(client: Redis): { writes: () => number; restore: () => void } {
  const socket = client.stream as unknown as Record<
    '_write' | '_writev',
    (...a: unknown[]) => void
  >;
  const original = { _write: socket._write, _writev: socket._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    socket[name] = (...args: unknown[]) => {
      writes++;
      original[name].apply(socket, args);
    };
  }
  return {
    writes: () => writes,
    restore: () => Object.assign(socket, original),
  };
}

const ALGORITHMS: readonly RateLimitAlgorithm[] = [
  'fixed-window',
  'sliding-window',
  'sliding-window-counter',
  'token-bucket',
];

describeWithRedis('RedisStore with many decisions in flight', () => {
  let server: RedisServer;
  let client: Redis;
  let run = 0;

  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url, { maxRetriesPerRequest: 0 });
    await new Promise((resolve) => client.once('ready', resolve));
  });

  afterAll(async () => {
    await client.quit();
    await server.stop();
  });

  it('sends the decisions of one tick in one socket write, still one script call each', async () => {
    const store = new RedisStore(client, { keyPrefix: `batch-${++run}:` });
    await store.whenReady(1_000);
    const rule = resolveRateLimitRule({
      algorithm: 'fixed-window',
      limit: 1_000,
      windowMs: 60_000,
    });
    const counter = countWrites(client);
    try {
      const decisions = await Promise.all(
        Array.from({ length: 100 }, (_, i) => store.rateLimits.consume(`api:user-${i}`, rule, 1)),
      );
      expect(decisions.every((d) => d.allowed && d.remaining === 999)).toBe(true);
      // The first command goes out at once (nothing else is in flight); the other 99 together.
      expect(counter.writes()).toBe(2);
      const lone = counter.writes();
      await store.rateLimits.consume('api:user-0', rule, 1);
      expect(counter.writes()).toBe(lone + 1);
    } finally {
      counter.restore();
      await store.close();
    }
  });

  it.each(ALGORITHMS)(
    '%s: 100 in flight on one connection, limit 60: exactly 60 allowed',
    async (algorithm) => {
      const store = new RedisStore(client, { keyPrefix: `exact-${++run}:` });
      const rule = resolveRateLimitRule({
        algorithm,
        limit: 60,
        windowMs: 60_000,
        burst: 60,
        refillPerSecond: 0.001,
      });
      const decisions = await Promise.all(
        Array.from({ length: 100 }, () => store.rateLimits.consume('api:user-1', rule, 1)),
      );
      const allowed = decisions.filter((d) => d.allowed);
      expect(allowed).toHaveLength(60);
      // Each permit saw the one before it: the remainders are 59 down to 0, once each.
      const remaining = allowed.map((d) => d.remaining).sort((a, b) => a - b);
      expect(remaining).toEqual(Array.from({ length: 60 }, (_, i) => i));
      expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterMs > 0)).toBe(true);
      await store.close();
    },
  );

  it.each(ALGORITHMS)('%s: numbers too wide for the packed reply are exact', async (algorithm) => {
    const store = new RedisStore(client, { keyPrefix: `wide-${++run}:` });
    const windowMs = 3_000_000_000;
    const rule = resolveRateLimitRule({ algorithm, limit: 3_000_000, windowMs, burst: 3_000_000 });
    const decision = await store.rateLimits.consume('api:user-1', rule, 1);
    expect(decision).toMatchObject({ allowed: true, limit: 3_000_000, remaining: 2_999_999 });
    expect(decision.resetMs).toBeGreaterThan(0);
    expect(decision.resetMs).toBeLessThanOrEqual(2 * windowMs);
    if (algorithm === 'sliding-window') expect(decision.resetMs).toBe(windowMs);
    await store.close();
  });
});
