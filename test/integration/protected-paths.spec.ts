import { Controller, Get, HttpException, Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  ResilienceConfigError,
  ResilienceModule,
  ResilienceService,
  Retry,
  resolveResilienceOptions,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';
import { deferred } from './support/deferred.js';

const calls = { down: 0, other: 0, outside: 0, flaky: 0 };
let hang = deferred();

@Controller('api/v1/webhooks')
class WebhooksController {
  @Get('down')
  down(): never {
    calls.down++;
    throw new HttpException('upstream down', 502);
  }

  @Get('other')
  other(): { ok: true } {
    calls.other++;
    return { ok: true };
  }

  @Get('slow')
  async slow(): Promise<string> {
    await hang.promise;
    return 'late';
  }

  /** Its own @Retry wins over the prefix's retry; the prefix's breaker still applies. */
  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  @Get('flaky')
  flaky(): { attempts: number } {
    calls.flaky++;
    if (calls.flaky % 2 !== 0) throw new HttpException('try again', 503);
    return { attempts: calls.flaky };
  }
}

@Controller('api/v1/limited')
class LimitedController {
  @Get('a')
  a(): string {
    return 'a';
  }

  @Get('b')
  b(): string {
    return 'b';
  }
}

@Controller('public')
class PublicController {
  @Get('down')
  down(): never {
    calls.outside++;
    throw new HttpException('down', 502);
  }
}

function appModule(instancePer?: 'prefix' | 'route') {
  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        policies: {
          webhooks: {
            circuitBreaker: { failureThreshold: 2, recoveryTimeoutMs: 30_000 },
            retry: { maxAttempts: 1 },
            timeout: { ms: 50 },
          },
          tight: { rateLimit: { limit: 2, windowMs: 60_000 } },
        },
        protectedPaths: [
          { prefix: '/api/v1/webhooks/', policy: 'webhooks', instancePer },
          { prefix: '/api/v1/limited/', policy: 'tight' },
        ],
      }),
    ],
    controllers: [WebhooksController, LimitedController, PublicController],
  })
  class AppModule {}
  return AppModule;
}

describe.each(adapters)('protected paths (%s)', (_name, adapter) => {
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeEach(async () => {
    Object.assign(calls, { down: 0, other: 0, outside: 0, flaky: 0 });
    hang = deferred();
    app = await startApp(appModule(), adapter);
  });

  afterEach(async () => {
    hang.resolve();
    await app.close();
  });

  it('opens one breaker for the whole prefix: 503 with Retry-After on every route under it', async () => {
    await get('/api/v1/webhooks/down').expect(502);
    await get('/api/v1/webhooks/down').expect(502);
    const open = await get('/api/v1/webhooks/other').expect(503);
    expect(Number(open.headers['retry-after'])).toBe(30);
    expect(calls).toMatchObject({ down: 2, other: 0 });
    expect(app.get(ResilienceService).breaker('webhooks@/api/v1/webhooks/')?.state).toBe('OPEN');
  });

  it('times out with 504 as the named policy says', async () => {
    await get('/api/v1/webhooks/slow').expect(504);
  });

  it('limits with 429 and RateLimit headers, one budget per client for the prefix', async () => {
    await get('/api/v1/limited/a').expect(200);
    const second = await get('/api/v1/limited/b').expect(200);
    expect(second.headers['ratelimit-remaining']).toBe('0');
    const limited = await get('/api/v1/limited/a').expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('leaves routes outside every prefix untouched', async () => {
    for (let i = 0; i < 4; i++) await get('/public/down').expect(502);
    expect(calls.outside).toBe(4);
  });

  it("combines a handler's own decorator with the prefix: its retry wins, the prefix's breaker counts each attempt", async () => {
    await get('/api/v1/webhooks/flaky').expect(200, { attempts: 2 });
    const breaker = app.get(ResilienceService).breaker('webhooks@/api/v1/webhooks/');
    expect(breaker?.stats()).toMatchObject({ failures: 1, successes: 1, state: 'CLOSED' });
  });
});

describe('protected paths with one breaker per route', () => {
  it('keeps the routes of one prefix apart', async () => {
    Object.assign(calls, { down: 0, other: 0 });
    const app = await startApp(appModule('route'), adapters[0][1]);
    try {
      await request(app.getHttpServer()).get('/api/v1/webhooks/down').expect(502);
      await request(app.getHttpServer()).get('/api/v1/webhooks/down').expect(502);
      await request(app.getHttpServer()).get('/api/v1/webhooks/down').expect(503);
      await request(app.getHttpServer()).get('/api/v1/webhooks/other').expect(200);
    } finally {
      await app.close();
    }
  });
});

describe('protectedPaths options', () => {
  it('a prefix naming an unknown policy, or a prefix without a leading slash, is refused naming the field', () => {
    const error = (() => {
      try {
        resolveResilienceOptions(
          { configFile: false, protectedPaths: [{ prefix: 'api/', policy: 'nope' }] },
          { env: {} },
        );
      } catch (e) {
        return e as ResilienceConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ResilienceConfigError);
    expect(error!.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['protectedPaths.0.prefix', 'protectedPaths.0.policy']),
    );
  });
});
