import {
  Controller,
  Get,
  HttpException,
  Injectable,
  Module,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { firstValueFrom, Observable } from 'rxjs';
import request from 'supertest';
import {
  Bulkhead,
  PolicyTimeoutError,
  ResilienceModule,
  ResilienceService,
  Retry,
  Timeout,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';

/** One handler, inherited by two controllers: each route under the prefix has its own breaker. */
class DownstreamRoutes {
  @Get('down')
  down(): never {
    throw new HttpException('upstream down', 502);
  }
}

@Controller('api/a')
class AController extends DownstreamRoutes {}

@Controller('api/b')
class BController extends DownstreamRoutes {}

@Controller('api/limited')
class LimitedController {
  @Get()
  limited(): string {
    return 'ok';
  }
}

function appModule() {
  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        policies: {
          downstream: { circuitBreaker: { failureThreshold: 1, recoveryTimeoutMs: 30_000 } },
          tight: { rateLimit: { limit: 1, windowMs: 60_000 } },
        },
        protectedPaths: [
          { prefix: '/api/a/', policy: 'downstream', instancePer: 'route' },
          { prefix: '/api/b/', policy: 'downstream', instancePer: 'route' },
          { prefix: '/api/limited', policy: 'tight' },
        ],
      }),
    ],
    controllers: [AController, BController, LimitedController],
  })
  class AppModule {}
  return AppModule;
}

describe.each(adapters)('pipelines cached per route (%s)', (_name, adapter) => {
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeEach(async () => {
    app = await startApp(appModule(), adapter);
  });

  afterEach(() => app.close());

  it('an inherited handler gets one pipeline per controller', async () => {
    await get('/api/a/down').expect(502);
    await get('/api/a/down').expect(503);
    await get('/api/b/down').expect(502);
    await get('/api/b/down').expect(503);
  });

  it('a route whose pipeline is already built follows a runtime change of its policy', async () => {
    await get('/api/limited').expect(200);
    await get('/api/limited').expect(429);
    app.get(ResilienceService).configure('tight', { rateLimit: { limit: 3 } });
    const allowed = await get('/api/limited').expect(200);
    expect(allowed.headers['ratelimit-limit']).toBe('3');
  });
});

@Injectable()
class Streams {
  subscriptions = 0;
  teardowns = 0;

  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  @Timeout(20)
  endless(): Observable<string> {
    return this.stream();
  }

  @Retry({ maxAttempts: 2, baseDelayMs: 30, jitter: 'none' })
  @Timeout(20)
  @Bulkhead({ maxConcurrent: 1 })
  exclusive(): Observable<string> {
    return this.stream();
  }

  private stream(): Observable<string> {
    return new Observable<string>(() => {
      this.subscriptions++;
      return () => void this.teardowns++;
    });
  }
}

describe('attempts and signals', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ResilienceModule.forRoot({ configFile: false })],
      providers: [Streams],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('each timed-out attempt of an Observable method is unsubscribed, the last one before the error', async () => {
    const streams = app.get(Streams);
    await expect(firstValueFrom(streams.endless())).rejects.toMatchObject({
      lastError: expect.any(PolicyTimeoutError),
    });
    expect(streams.subscriptions).toBe(2);
    expect(streams.teardowns).toBe(2);
  });

  it('a timed-out attempt gives its bulkhead slot back at once, before the retry', async () => {
    const streams = Object.assign(app.get(Streams), { subscriptions: 0, teardowns: 0 });
    await expect(firstValueFrom(streams.exclusive())).rejects.toMatchObject({
      lastError: expect.any(PolicyTimeoutError),
    });
    expect(streams.subscriptions).toBe(2);
    expect(streams.teardowns).toBe(2);
  });

  it('a keyed breaker inside a timeout hands the timeout’s signal on to the function', async () => {
    let seen: unknown;
    const call = app.get(ResilienceService).execute(
      'keyed-inside-timeout',
      ({ signal }) =>
        new Promise<never>(() => {
          signal.addEventListener('abort', () => void (seen = signal.reason));
        }),
      {
        order: ['fallback', 'timeout', 'retry', 'circuitBreaker', 'rateLimit', 'bulkhead'],
        timeout: { ms: 20 },
        circuitBreaker: { failureThreshold: 5, key: () => 'tenant' },
      },
    );
    await expect(call).rejects.toBeInstanceOf(PolicyTimeoutError);
    expect(seen).toBeInstanceOf(PolicyTimeoutError);
  });
});
