import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import {
  CircuitBreaker,
  RateLimit,
  RateLimiterService,
  ResilienceModule,
  ResilienceService,
  type StoreOptions,
} from 'nestjs-bulwark';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { waitUntil } from '../../support/resp-probe.js';
import { CapturingLogger } from '../../support/capturing-logger.js';

@Injectable()
class PaymentsClient {
  failing = true;

  @CircuitBreaker({
    name: 'payments',
    shared: true,
    failureThreshold: 2,
    recoveryTimeoutMs: 60_000,
  })
  async pay(): Promise<string> {
    if (this.failing) throw new Error('payments down');
    return 'paid';
  }
}

@Controller()
class ShopController {
  constructor(private readonly payments: PaymentsClient) {}

  @RateLimit({ name: 'search', limit: 3, windowMs: 60_000, key: () => 'everyone' })
  @Get('search')
  search(): { ok: true } {
    return { ok: true };
  }

  @Get('pay')
  pay(): Promise<string> {
    return this.payments.pay();
  }

  // Writes nothing unless every instance agrees the ledger is healthy.
  @CircuitBreaker({ name: 'ledger', shared: true, onStoreFailure: 'fail-closed' })
  @Get('ledger')
  ledger(): string {
    return 'written';
  }
}

/** One instance of the app, as one process of a fleet would run it. */
async function startInstance(store?: StoreOptions, logger = new CapturingLogger()) {
  @Module({
    imports: [ResilienceModule.forRoot({ store, configFile: false })],
    controllers: [ShopController],
    providers: [PaymentsClient],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger });
  await app.init();
  return app;
}

const connectedClients = async (redis: Redis): Promise<number> =>
  Number(/connected_clients:(\d+)/.exec(await redis.info('clients'))![1]);

describeWithRedis('Two app instances sharing Redis', () => {
  let server: RedisServer;
  let admin: Redis;
  let apps: INestApplication[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
  });

  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
    await admin.flushall();
  });

  afterAll(async () => {
    await admin.quit();
    await server.stop();
  });

  const startTwo = async () => {
    const store = { type: 'redis', url: server.url } as const;
    apps = [await startInstance(store), await startInstance(store)];
    return apps.map((app) => app.getHttpServer());
  };

  it('shares a @RateLimit between the instances', async () => {
    const [a, b] = await startTwo();
    await request(a).get('/search').expect(200).expect('RateLimit-Remaining', '2');
    await request(b).get('/search').expect(200).expect('RateLimit-Remaining', '1');
    await request(a).get('/search').expect(200).expect('RateLimit-Remaining', '0');
    const limited = await request(b).get('/search').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await admin.exists('bulwark:ratelimit:{search}:everyone')).toBe(1);
  });

  it('reports and resets a shared limit through RateLimiterService', async () => {
    const [a] = await startTwo();
    await request(a).get('/search').expect(200);
    await request(a).get('/search').expect(200);
    const status = apps[1].get(RateLimiterService);
    expect(await status.getStatus('search', 'everyone')).toEqual({
      name: 'search',
      key: 'everyone',
      algorithm: 'sliding-window',
      limit: 3,
      currentLimit: 3,
      remaining: 1,
      resetMs: expect.any(Number),
      successRate: null,
    });
    expect(await status.reset('search')).toBe(true);
    expect((await apps[0].get(RateLimiterService).getStatus('search', 'everyone'))?.remaining).toBe(
      3,
    );
    expect(await status.getStatus('nope')).toBeUndefined();
    expect(await status.reset('nope')).toBe(false);
  });

  it('opens a shared breaker in every instance', async () => {
    const [a, b] = await startTwo();
    await request(a).get('/pay').expect(500);
    await request(a).get('/pay').expect(500);
    apps[1].get(PaymentsClient).failing = false;
    const rejected = await request(b).get('/pay').expect(503);
    expect(rejected.body.code).toBe('CIRCUIT_OPEN');
    expect(apps[1].get(ResilienceService).breaker('payments')?.state).toBe('OPEN');
    await apps[0].get(ResilienceService).breaker('payments')!.reset();
    await request(b).get('/pay').expect(200);
  });

  it('closes its own connections on app.close(), and leaves a client it was given', async () => {
    const before = await connectedClients(admin);
    const own = new Redis(server.url);
    apps = [await startInstance({ type: 'redis', url: server.url })];
    apps.push(await startInstance({ type: 'redis', client: own }));
    // Each store: its command connection (or the given client) and one subscriber connection
    // for runtime policy changes (pub/sub needs a connection of its own).
    await waitUntil(async () => (await connectedClients(admin)) === before + 4, 'both subscribers');
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
    await waitUntil(async () => (await connectedClients(admin)) === before + 1, 'the close');
    expect(own.status).toBe('ready');
    await own.quit();
  });

  it('selects the Redis store from REDIS_URL', async () => {
    process.env.REDIS_URL = server.url;
    try {
      apps = [await startInstance()];
    } finally {
      delete process.env.REDIS_URL;
    }
    apps.push(await startInstance({ type: 'redis', url: server.url }));
    await request(apps[0].getHttpServer()).get('/search').expect(200);
    await request(apps[1].getHttpServer()).get('/search').expect('RateLimit-Remaining', '1');
  });
});

describeWithRedis('An app whose Redis goes away', () => {
  it('logs one warning per outage, follows onStoreFailure, and recovers by itself', async () => {
    const server = await startRedisServer();
    const logger = new CapturingLogger();
    const app = await startInstance(
      { type: 'redis', url: server.url, storeTimeoutMs: 300 },
      logger,
    );
    const http = app.getHttpServer();
    try {
      await request(http).get('/search').expect(200).expect('RateLimit-Remaining', '2');
      await server.stop({ crash: true });
      // `local` (the default): the same rule from a copy in this process.
      for (const remaining of ['2', '1', '0']) {
        await request(http).get('/search').expect(200).expect('RateLimit-Remaining', remaining);
      }
      await request(http).get('/search').expect(429);
      const warnings = () =>
        logger.lines.filter((line) => line.level === 'warn' && /store/.test(line.message));
      expect(warnings().map((line) => line.message)).toEqual([
        expect.stringMatching(/^The redis store is unreachable \(.+\): rate limiters follow/),
      ]);
      await server.start();
      await waitUntil(
        async () => logger.lines.some((line) => /answers again/.test(line.message)),
        'the store to come back',
      );
      await request(http).get('/search').expect(200).expect('RateLimit-Remaining', '2');
      expect(warnings()).toHaveLength(1);
    } finally {
      await app.close();
      await server.stop();
    }
  });

  it('a shared breaker with onStoreFailure fail-closed answers 503 while Redis is away', async () => {
    const server = await startRedisServer();
    const app = await startInstance({ type: 'redis', url: server.url, storeTimeoutMs: 300 });
    const http = app.getHttpServer();
    try {
      await request(http).get('/ledger').expect(200, 'written');
      await server.stop({ crash: true });
      await request(http).get('/ledger').expect(503).expect('Retry-After', '1');
      await server.start();
      await waitUntil(
        async () => (await request(http).get('/ledger')).status === 200,
        'the ledger to answer again',
      );
    } finally {
      await app.close();
      await server.stop();
    }
  });
});
