import { Controller, Get, HttpException, Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  Bulkhead,
  CircuitBreaker,
  Fallback,
  RateLimit,
  Resilient,
  ResilienceModule,
  Retry,
  Timeout,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';
import { deferred } from './support/deferred.js';

const calls = { flaky: 0, broken: 0, fallback: 0, client: 0 };
let gate = deferred();
let hang = deferred();

@Controller('t')
class TestController {
  @RateLimit({ limit: 2, windowMs: 60_000 })
  @Get('limited')
  limited(): { ok: true } {
    return { ok: true };
  }

  @CircuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 30_000 })
  @Get('broken')
  broken(): never {
    calls.broken++;
    throw new HttpException('upstream down', 502);
  }

  @CircuitBreaker({ failureThreshold: 1 })
  @Get('client-error')
  clientError(): never {
    calls.client++;
    throw new HttpException('bad input', 400);
  }

  @Timeout(50)
  @Get('slow')
  async slow(): Promise<string> {
    await hang.promise;
    return 'late';
  }

  @Bulkhead({ maxConcurrent: 1, maxQueue: 0 })
  @Get('gated')
  async gated(): Promise<string> {
    await gate.promise;
    return 'done';
  }

  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  @Get('flaky')
  flaky(): { attempts: number } {
    calls.flaky++;
    if (calls.flaky < 3) throw new HttpException('try again', 503);
    return { attempts: calls.flaky };
  }

  @Fallback('fromCache')
  @Get('fallback')
  failing(): never {
    throw new Error('primary failed');
  }

  fromCache(_request: unknown, error: Error): { source: string; reason: string } {
    calls.fallback++;
    return { source: 'fallback', reason: error.message };
  }

  @Resilient('bundle')
  @Get('bundle')
  bundle(): never {
    throw new HttpException('down', 500);
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({
      configFile: false,
      policies: {
        bundle: {
          retry: { maxAttempts: 2, baseDelayMs: 0 },
          circuitBreaker: { failureThreshold: 2 },
        },
      },
    }),
  ],
  controllers: [TestController],
})
class AppModule {}

describe.each(adapters)('decorators on controller handlers (%s)', (_name, adapter) => {
  let app: INestApplication;

  beforeEach(async () => {
    Object.assign(calls, { flaky: 0, broken: 0, fallback: 0, client: 0 });
    gate = deferred();
    hang = deferred();
    app = await startApp(AppModule, adapter);
  });

  afterEach(async () => {
    gate.resolve();
    hang.resolve();
    await app.close();
  });

  it('@RateLimit answers 429 with Retry-After and RateLimit-* headers past the limit', async () => {
    const first = await request(app.getHttpServer()).get('/t/limited').expect(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    await request(app.getHttpServer()).get('/t/limited').expect(200);
    const limited = await request(app.getHttpServer()).get('/t/limited').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(0);
  });

  it('@CircuitBreaker opens after the threshold and answers 503 with Retry-After without calling the handler', async () => {
    await request(app.getHttpServer()).get('/t/broken').expect(502);
    await request(app.getHttpServer()).get('/t/broken').expect(502);
    const open = await request(app.getHttpServer()).get('/t/broken').expect(503);
    expect(Number(open.headers['retry-after'])).toBe(30);
    expect(calls.broken).toBe(2);
  });

  it('client errors (4xx) do not open the breaker', async () => {
    for (let i = 0; i < 3; i++)
      await request(app.getHttpServer()).get('/t/client-error').expect(400);
    expect(calls.client).toBe(3);
  });

  it('@Timeout answers 504', async () => {
    const response = await request(app.getHttpServer()).get('/t/slow').expect(504);
    expect(response.body.code).toBe('TIMEOUT');
  });

  it('@Bulkhead answers 503 when every slot is taken', async () => {
    const first = request(app.getHttpServer())
      .get('/t/gated')
      .then((r) => r.status);
    await new Promise((resolve) => setImmediate(resolve));
    let rejected = await request(app.getHttpServer()).get('/t/gated');
    for (let i = 0; i < 20 && rejected.status !== 503; i++) {
      rejected = await request(app.getHttpServer()).get('/t/gated');
    }
    expect(rejected.status).toBe(503);
    expect(rejected.headers['retry-after']).toBeDefined();
    gate.resolve();
    expect(await first).toBe(200);
  });

  it('@Retry re-invokes the handler until it succeeds', async () => {
    const response = await request(app.getHttpServer()).get('/t/flaky').expect(200);
    expect(response.body).toEqual({ attempts: 3 });
  });

  it('@Fallback answers from a method of the controller with the error', async () => {
    const response = await request(app.getHttpServer()).get('/t/fallback').expect(200);
    expect(response.body).toEqual({ source: 'fallback', reason: 'primary failed' });
    expect(calls.fallback).toBe(1);
  });

  it("@Resilient('bundle') applies every policy of the named set", async () => {
    // Two attempts each: the first request records two failures and opens the breaker.
    await request(app.getHttpServer()).get('/t/bundle').expect(500);
    await request(app.getHttpServer()).get('/t/bundle').expect(503);
  });
});
