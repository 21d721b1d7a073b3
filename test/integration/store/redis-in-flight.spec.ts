import { resolveRateLimitRule, type RateLimitAlgorithm } from '../../../lib/core/index.js';
import { Redis } from 'ioredis';
import { RedisStore, storeKey } from '../../../lib/store/index.js';
import { MAX_DECISIONS_PER_CALL } from '../../../lib/store/redis/decision-batches.js';
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

  /** Script calls the server has run so far (EVALSHA, and EVAL after a NOSCRIPT). */
  async function scriptCalls(): Promise<number> {
    const stats = String(await client.call('INFO', 'commandstats'));
    const calls = [...stats.matchAll(/cmdstat_eval(?:sha)?:calls=(\d+)/g)];
    return calls.reduce((sum, [, n]) => sum + Number(n), 0);
  }

  /** Limit 1000 per minute: nothing these tests ask is refused. */
  const roomyRule = resolveRateLimitRule({
    algorithm: 'fixed-window',
    limit: 1_000,
    windowMs: 60_000,
  });

  interface Counts {
    /** Socket writes since the test began. */
    writes(): number;
    /** Script calls since the test began. */
    scriptCalls(): Promise<number>;
  }

  /** Runs `test` on a fresh store, counting socket writes and script calls from its start. */
  async function withCounts(
    name: string,
    test: (store: RedisStore, counts: Counts) => Promise<void>,
  ): Promise<void> {
    const store = new RedisStore(client, { keyPrefix: `${name}-${++run}:` });
    await store.whenReady(1_000);
    const callsBefore = await scriptCalls();
    const counter = countWrites(client);
    try {
      await test(store, {
        writes: counter.writes,
        scriptCalls: async () => (await scriptCalls()) - callsBefore,
      });
    } finally {
      counter.restore();
      await store.close();
    }
  }

  it('takes the decisions of one limiter asked in one tick in one script call and one write', () =>
    withCounts('batch', async (store, counts) => {
      const decisions = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.rateLimits.consume(`api:user-${i % 50}`, roomyRule, 1),
        ),
      );
      // 50 users, each asked twice: the second decision of each saw the first.
      const remaining = decisions.map((d) => d.remaining);
      expect(remaining).toEqual([...Array<number>(50).fill(999), ...Array<number>(50).fill(998)]);
      expect(counts.writes()).toBe(1);
      await store.rateLimits.consume('api:user-0', roomyRule, 1);
      expect(counts.writes()).toBe(2);
      // Reading INFO is a write too, so the script calls are counted last.
      expect(await counts.scriptCalls()).toBe(2);
    }));

  it('sends one call per limiter, in one write, when several limiters decide in one tick', () =>
    withCounts('limiters', async (store, counts) => {
      const decisions = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.rateLimits.consume(`limiter-${i % 10}:user-${i}`, roomyRule, 1),
        ),
      );
      expect(decisions.every((d) => d.allowed && d.remaining === 999)).toBe(true);
      // The first call goes out at once (nothing else is in flight); the other nine together.
      expect(counts.writes()).toBe(2);
      expect(await counts.scriptCalls()).toBe(10);
    }));

  it(`splits a tick's decisions into calls of at most ${MAX_DECISIONS_PER_CALL}`, () =>
    withCounts('split', async (store, counts) => {
      const count = 2 * MAX_DECISIONS_PER_CALL + 1;
      const decisions = await Promise.all(
        Array.from({ length: count }, () => store.rateLimits.consume('api:user-1', roomyRule, 1)),
      );
      expect(await counts.scriptCalls()).toBe(3);
      expect(decisions.map((d) => d.remaining)).toEqual(
        Array.from({ length: count }, (_, i) => 999 - i),
      );
    }));

  it('fails only the decision whose key Redis refuses; the rest of its batch is decided', async () => {
    const prefix = `wrongtype-${++run}:`;
    const store = new RedisStore(client, { keyPrefix: prefix });
    await store.whenReady(1_000);
    await client.rpush(storeKey(prefix, 'ratelimit', 'api', 'user-2'), 'not a bucket');
    const settled = await Promise.allSettled(
      [1, 2, 3].map((user) => store.rateLimits.consume(`api:user-${user}`, roomyRule, 1)),
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = settled[1] as PromiseRejectedResult;
    expect(String(refused.reason)).toContain('WRONGTYPE');
    expect(await store.rateLimits.consume('api:user-1', roomyRule, 1)).toMatchObject({
      remaining: 998,
    });
    await store.close();
  });

  it('sends a batch again with its source when the server lost its scripts', () =>
    withCounts('noscript', async (store, counts) => {
      await client.script('FLUSH');
      const decisions = await Promise.all(
        [1, 2, 3].map(() => store.rateLimits.consume('api:user-1', roomyRule, 1)),
      );
      expect(decisions.map((d) => d.remaining)).toEqual([999, 998, 997]);
      // The batch by its SHA (refused: NOSCRIPT), then by its source.
      expect(await counts.scriptCalls()).toBe(2);
    }));

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
    // Alone (one decision per call) and in a batch (two in one tick).
    const alone = await store.rateLimits.consume('api:user-1', rule, 1);
    const batched = await Promise.all(
      ['api:user-2', 'api:user-3'].map((key) => store.rateLimits.consume(key, rule, 1)),
    );
    for (const decision of [alone, ...batched]) {
      expect(decision).toMatchObject({ allowed: true, limit: 3_000_000, remaining: 2_999_999 });
      expect(decision.resetMs).toBeGreaterThan(0);
      expect(decision.resetMs).toBeLessThanOrEqual(2 * windowMs);
      if (algorithm === 'sliding-window') expect(decision.resetMs).toBe(windowMs);
    }
    await store.close();
  });
});
