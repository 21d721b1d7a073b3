import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  CircuitBreaker,
  DegradableFeature,
  DegradationService,
  Fallback,
  FeatureDisabledError,
  ResilienceConfigError,
  ResilienceModule,
  ResilienceService,
  Retry,
} from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { startHealthApp } from './support/health-app.js';

@Injectable()
class Recommendations {
  calls = 0;

  @DegradableFeature('recommendations', { disableAt: 'MODERATE' })
  @Fallback('popular')
  @Retry({ maxAttempts: 3, baseDelayMs: 1 })
  @CircuitBreaker({ name: 'recommendations', failureThreshold: 1 })
  async forUser(userId: string): Promise<string[]> {
    this.calls++;
    return [`picked-for-${userId}`];
  }

  popular(userId: string, error: unknown): string[] {
    return [`popular (${userId}, ${(error as Error).constructor.name})`];
  }

  @DegradableFeature('exports', { disableAt: 'SEVERE' })
  async exportAll(): Promise<string> {
    return 'exported';
  }
}

@Controller('shop')
class ShopController {
  @DegradableFeature('reviews', { disableAt: 'MINOR' })
  @Get('reviews')
  reviews(): string[] {
    return ['great'];
  }

  @DegradableFeature('search', { disableAt: 'MINOR' })
  @Fallback('basicSearch')
  @Get('search')
  search(): { results: string } {
    return { results: 'full' };
  }

  basicSearch(): { results: string } {
    return { results: 'basic' };
  }

  @Fallback({ degradedValue: { banner: 'static' } })
  @Get('banner')
  async banner(): Promise<{ banner: string }> {
    throw new Error('banner service down');
  }
}

describe.each(adapters)('@DegradableFeature (%s)', (_name, adapter) => {
  let app: INestApplication;
  let degradation: DegradationService;
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeEach(async () => {
    app = await startHealthApp(
      adapter,
      {},
      { providers: [Recommendations], controllers: [ShopController] },
    );
    degradation = app.get(DegradationService);
  });
  afterEach(async () => app.close());

  it('runs the method while the level is below disableAt', async () => {
    degradation.setLevel('MINOR', 'test');
    expect(degradation.isFeatureEnabled('recommendations')).toBe(true);
    await expect(app.get(Recommendations).forUser('u1')).resolves.toEqual(['picked-for-u1']);
  });

  it('serves the fallback at disableAt, without running, retrying or counting in the breaker', async () => {
    const service = app.get(Recommendations);
    degradation.setLevel('MODERATE', 'test');
    expect(degradation.isFeatureEnabled('recommendations')).toBe(false);
    await expect(service.forUser('u1')).resolves.toEqual(['popular (u1, FeatureDisabledError)']);
    expect(service.calls).toBe(0);
    const breaker = app.get(ResilienceService).breaker('recommendations')!;
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats()).toMatchObject({ failures: 0, totalCalls: 0 });
  });

  it('rejects with FeatureDisabledError when there is no fallback', async () => {
    degradation.setLevel('CRITICAL', 'test');
    await expect(app.get(Recommendations).exportAll()).rejects.toBeInstanceOf(FeatureDisabledError);
    degradation.clearOverride();
    await expect(app.get(Recommendations).exportAll()).resolves.toBe('exported');
  });

  it('a controller answers 503 without a fallback, its fallback with one', async () => {
    await get('/shop/reviews').expect(200, ['great']);
    await get('/shop/search').expect(200, { results: 'full' });
    degradation.setLevel('MINOR', 'test');
    const disabled = await get('/shop/reviews').expect(503);
    expect(disabled.body).toMatchObject({ statusCode: 503, code: 'FEATURE_DISABLED' });
    expect(disabled.body.message).toContain('"reviews"');
    await get('/shop/search').expect(200, { results: 'basic' });
  });

  it("serves @Fallback's degradedValue only while degraded", async () => {
    await get('/shop/banner').expect(500);
    degradation.setLevel('MINOR', 'test');
    await get('/shop/banner').expect(200, { banner: 'static' });
  });

  it('lists the features with /health/degradation', async () => {
    degradation.setLevel('MODERATE', 'test');
    const { body } = await get('/health/degradation').expect(200);
    expect(body.details.degradation.disabledFeatures.sort()).toEqual([
      'recommendations',
      'reviews',
      'search',
    ]);
    expect(body.details.degradation.features).toEqual(
      expect.arrayContaining([{ name: 'exports', disableAt: 'SEVERE', enabled: true }]),
    );
  });
});

describe('@DegradableFeature declarations', () => {
  it('stop start-up when one feature is declared with two levels', async () => {
    @Injectable()
    class Conflicting {
      @DegradableFeature('search', { disableAt: 'MINOR' })
      async a(): Promise<void> {}

      @DegradableFeature('search', { disableAt: 'SEVERE' })
      async b(): Promise<void> {}
    }
    @Module({
      imports: [ResilienceModule.forRoot({ configFile: false })],
      providers: [Conflicting],
    })
    class ConflictingModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ConflictingModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow(ResilienceConfigError);
    await app.close();
  });
});
