import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RateLimit, RateLimiterService, ResilienceModule } from 'nestjs-bulwark';

@Injectable()
class Reports {
  @RateLimit({ name: 'reports', algorithm: 'adaptive', limit: 10, windowMs: 60_000 })
  async build(fail: boolean): Promise<string> {
    if (fail) throw new Error('reporting backend 503');
    return 'report';
  }
}

describe('RateLimiterService (memory store)', () => {
  let app: INestApplication;
  let service: RateLimiterService;

  beforeAll(async () => {
    @Module({
      imports: [ResilienceModule.forRoot({ configFile: false })],
      providers: [Reports],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    service = app.get(RateLimiterService);
  });

  afterAll(() => app.close());

  it("reports a decorated method's limiter under the key its calls use", async () => {
    const reports = app.get(Reports);
    await reports.build(false);
    await reports.build(false);
    await reports.build(false).catch(() => undefined);
    await expect(reports.build(true)).rejects.toThrow('503');
    expect(await service.getStatus('reports')).toEqual({
      name: 'reports',
      key: 'reports',
      algorithm: 'adaptive',
      limit: 10,
      currentLimit: 10,
      remaining: 6,
      resetMs: expect.any(Number),
      successRate: 0.75,
    });
  });

  it('reads without taking a permit', async () => {
    const first = await service.getStatus('reports');
    const second = await service.getStatus('reports');
    expect(second?.remaining).toBe(first?.remaining);
  });

  it('resets every key and the adaptive observations', async () => {
    expect(await service.reset('reports')).toBe(true);
    expect(await service.getStatus('reports')).toMatchObject({ remaining: 10, successRate: null });
  });
});
