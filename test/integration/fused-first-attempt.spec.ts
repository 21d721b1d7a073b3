import { Controller, Get, HttpException, Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  CircuitBreaker,
  RateLimit,
  RateLimitExceededError,
  ResilienceModule,
  ResilienceService,
  Retry,
  Timeout,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';

const calls = { flaky: 0, down: 0, limited: 0 };
const retryAll = { baseDelayMs: 1, retryIf: () => true };

/**
 * Retry → breaker → rate limit (→ timeout): the first attempt of these runs through the
 * fused lane, later attempts through the layers. What a client and the policies see must
 * be what the layers alone give.
 */
@Controller('fused')
class FusedController {
  @Get('flaky')
  @Retry({ maxAttempts: 3, ...retryAll })
  @CircuitBreaker({ failureThreshold: 5 })
  @RateLimit({ limit: 10, windowMs: 60_000 })
  @Timeout(1_000)
  flaky(): string {
    calls.flaky++;
    if (calls.flaky === 1) throw new HttpException('upstream hiccup', 502);
    return `ok on call ${calls.flaky}`;
  }

  @Get('down')
  @Retry({ maxAttempts: 2, ...retryAll })
  @CircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 60_000 })
  @RateLimit({ limit: 100, windowMs: 60_000 })
  down(): never {
    calls.down++;
    throw new HttpException('upstream down', 502);
  }

  @Get('limited')
  @Retry({ maxAttempts: 2, baseDelayMs: 1, retryIf: (e) => !(e instanceof RateLimitExceededError) })
  @CircuitBreaker({ failureThreshold: 5 })
  @RateLimit({ limit: 1, windowMs: 60_000 })
  limited(): string {
    calls.limited++;
    return 'ok';
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], controllers: [FusedController] })
class FusedModule {}

describe.each(adapters)('retry → breaker → rate limit on %s', (_, adapter) => {
  let app: INestApplication;
  let resilience: ResilienceService;

  beforeEach(async () => {
    Object.assign(calls, { flaky: 0, down: 0, limited: 0 });
    app = await startApp(FusedModule, adapter);
    resilience = app.get(ResilienceService);
  });

  afterEach(() => app.close());

  const breakerStats = (method: string) => resilience.breaker(`FusedController.${method}`)!.stats();

  it('retries a failed first attempt through the layers, each attempt counted and limited', async () => {
    const response = await request(app.getHttpServer()).get('/fused/flaky');

    expect(response.status).toBe(200);
    expect(response.text).toBe('ok on call 2');
    expect(response.headers['ratelimit-remaining']).toBe('8');
    expect(breakerStats('flaky')).toMatchObject({ successes: 1, failures: 1, state: 'CLOSED' });
  });

  it('answers 503 once the first attempt opened the breaker, and runs nothing while open', async () => {
    const first = await request(app.getHttpServer()).get('/fused/down');
    const second = await request(app.getHttpServer()).get('/fused/down');

    expect([first.status, second.status]).toEqual([503, 503]);
    expect(second.headers['retry-after']).toBeDefined();
    expect(calls.down).toBe(1);
    expect(breakerStats('down')).toMatchObject({ failures: 1, rejected: 2, state: 'OPEN' });
  });

  it('answers 429 with its headers when the first attempt is refused, counted by the breaker', async () => {
    const allowed = await request(app.getHttpServer()).get('/fused/limited');
    const refused = await request(app.getHttpServer()).get('/fused/limited');

    expect([allowed.status, refused.status]).toEqual([200, 429]);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.headers['retry-after']).toBeDefined();
    expect(calls.limited).toBe(1);
    expect(breakerStats('limited')).toMatchObject({ successes: 1, failures: 1 });
  });
});
