import { resolveRateLimitRule, SharedCircuitBreakerPolicy } from '../../../lib/core/index.js';
import { Redis } from 'ioredis';
import { DEAD_LETTER_IDLE_TTL_MS, RedisStore } from '../../../lib/store/index.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { redisStoreFactory, scanAll } from '../../support/redis-store-harness.js';
import { spec } from '../../support/store-contract/differential-cases.js';
import { storeContract } from '../../support/store-contract/index.js';

describeWithRedis('RedisStore on one redis-server', () => {
  let server: RedisServer;
  let client: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url, { maxRetriesPerRequest: 0 });
  });

  afterAll(async () => {
    await client.quit();
    await server.stop();
  });

  storeContract(redisStoreFactory(() => client));

  it('names keys <prefix><kind>:{<name>}[:<key>] and gives every one a TTL', async () => {
    const store = new RedisStore(client, { keyPrefix: 'layout:' });
    const rule = resolveRateLimitRule({ algorithm: 'sliding-window', limit: 5, windowMs: 30_000 });
    await store.rateLimits.consume('orders:user-1', rule, 1);
    const breaker = await store.breakers.admit('payments', spec({}));
    await store.breakers.record('payments', spec({}), {
      generation: breaker.snapshot.generation,
      kind: 'failure',
      slow: false,
    });
    await store.values.set('checkpoint', 'job', 'x', 10_000);
    await store.deadLetters.add({ id: 'd1', type: 'email', body: '{}' });
    const keys = (await scanAll(client, 'layout:*')).sort();
    expect(keys).toEqual([
      'layout:breaker:{payments}',
      'layout:breaker:{payments}:window',
      'layout:deadletter:{default}:all',
      'layout:deadletter:{default}:counts',
      'layout:deadletter:{default}:due',
      'layout:deadletter:{default}:messages',
      'layout:deadletter:{default}:seq',
      'layout:ratelimit:{orders}:user-1',
      'layout:value:{checkpoint}:job',
    ]);
    const ttls = await Promise.all(keys.map((key) => client.pttl(key)));
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
    expect(ttls[0]).toBeGreaterThan(86_000_000);
    await store.close();
  });

  it('renews every key of a dead-letter queue on each operation, reads included', async () => {
    const store = new RedisStore(client, { keyPrefix: 'dlq-ttl:' });
    await store.deadLetters.add({ id: 'd1', type: 'email', body: '{}' });
    const keys = await scanAll(client, 'dlq-ttl:*');
    for (const key of keys) await client.pexpire(key, 5_000);
    await store.deadLetters.counts();
    const ttls = await Promise.all(keys.map((key) => client.pttl(key)));
    expect(ttls.every((ttl) => ttl > DEAD_LETTER_IDLE_TTL_MS - 60_000)).toBe(true);
    await store.close();
  });

  it('keeps a dead letter’s body and error text exactly, whatever characters they hold', async () => {
    const store = new RedisStore(client, { keyPrefix: 'dlq-text:' });
    const body = JSON.stringify({ quote: '"', slash: '/\\', line: 'a\nb', text: 'ünï 😀 \u0001' });
    await store.deadLetters.add({ id: 'd1', type: 'email', body });
    const stalls = { maxStalls: 1, error: '{}' };
    const [claimed] = await store.deadLetters.claim(1, 60_000, 'token-1', stalls);
    const error = JSON.stringify({ message: 'für "x"\t😀' });
    await store.deadLetters.settle('d1', 'token-1', { kind: 'failed', error, delayMs: null });
    const stored = await store.deadLetters.get('d1');
    expect(claimed.body).toBe(body);
    expect(stored).toMatchObject({ body, lastError: error, status: 'exhausted', attempts: 1 });
    expect(stored).not.toHaveProperty('token');
    await store.close();
  });

  it('reloads its scripts when the server has lost them (NOSCRIPT)', async () => {
    const store = new RedisStore(client, { keyPrefix: 'noscript:' });
    const rule = resolveRateLimitRule({ algorithm: 'fixed-window', limit: 2, windowMs: 60_000 });
    expect((await store.rateLimits.consume('a:b', rule, 1)).remaining).toBe(1);
    await client.script('FLUSH');
    expect((await store.rateLimits.consume('a:b', rule, 1)).remaining).toBe(0);
    expect((await store.rateLimits.consume('a:b', rule, 1)).allowed).toBe(false);
    await store.close();
  });

  it('stamps sliding-log permits with the server time in whole milliseconds', async () => {
    const store = new RedisStore(client, { keyPrefix: 'server-stamp:' });
    const rule = resolveRateLimitRule({ algorithm: 'sliding-window', limit: 5, windowMs: 60_000 });
    const [seconds, micros] = await client.time();
    const before = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    await store.rateLimits.consume('a:b', rule, 1);
    const [stamp] = await client.lrange('server-stamp:ratelimit:{a}:b', 0, -1);
    expect(stamp).toMatch(/^\d{13}$/);
    expect(Number(stamp) - before).toBeGreaterThanOrEqual(0);
    expect(Number(stamp) - before).toBeLessThan(1_500);
    await store.close();
  });

  it('uses the server clock when no clock is given', async () => {
    const store = new RedisStore(client, { keyPrefix: 'server-time:' });
    const rule = resolveRateLimitRule({ algorithm: 'fixed-window', limit: 1, windowMs: 3_600_000 });
    const [seconds] = await client.time();
    const decision = await store.rateLimits.consume('a:b', rule, 1);
    const expected = 3_600_000 - ((Number(seconds) * 1000) % 3_600_000);
    expect(Math.abs(decision.resetMs - expected)).toBeLessThan(1_500);
    await store.close();
  });

  it('puts a shared breaker’s unawaited successes in the window before its next call', async () => {
    const store = new RedisStore(client, { keyPrefix: 'unawaited:' });
    const breaker = new SharedCircuitBreakerPolicy(
      {
        name: 'ledger',
        slidingWindow: { type: 'count', size: 4 },
        minimumCalls: 4,
        failureRateThreshold: 50,
      },
      store.breakers,
    );
    const fail = () => Promise.reject(new Error('503'));
    await breaker.execute(() => 'ok');
    await breaker.execute(() => 'ok');
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe('CLOSED');
    // Four calls, half failed: open only if both successes reached the window first.
    await breaker.execute(fail).catch(() => undefined);
    expect(breaker.state).toBe('OPEN');
    await store.close();
  });
});
