import { Controller, Get, Injectable, Module, Param, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  Bulkhead,
  CircuitBreaker,
  Fallback,
  RateLimit,
  ResilienceModule,
  Retry,
  Timeout,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';

@Injectable()
class Catalog {
  calls = 0;

  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  async flaky(): Promise<{ calls: number }> {
    this.calls++;
    if (this.calls % 3 !== 0) throw new Error('transient');
    return { calls: this.calls };
  }

  @Fallback('placeholder')
  @CircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 60_000 })
  async item(id: string): Promise<{ id: string; source: string }> {
    throw new Error(`no ${id}`);
  }

  placeholder(id: string): { id: string; source: string } {
    return { id, source: 'placeholder' };
  }

  @Timeout(30)
  @Bulkhead({ maxConcurrent: 1 })
  async slow(): Promise<string> {
    return new Promise(() => undefined);
  }

  @RateLimit({ limit: 1, windowMs: 60_000 })
  async once(): Promise<string> {
    return 'ok';
  }
}

@Controller('catalog')
class CatalogController {
  constructor(private readonly catalog: Catalog) {}

  @Get('flaky')
  flaky() {
    return this.catalog.flaky();
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return this.catalog.item(id);
  }

  @Get('slow')
  slow() {
    return this.catalog.slow();
  }

  @Get('once')
  once() {
    return this.catalog.once();
  }
}

@Module({
  imports: [ResilienceModule.forRoot({ configFile: false })],
  controllers: [CatalogController],
  providers: [Catalog],
})
class AppModule {}

describe.each(adapters)('decorated service methods behind a controller (%s)', (_name, adapter) => {
  let app: INestApplication;
  beforeEach(async () => (app = await startApp(AppModule, adapter)));
  afterEach(async () => app.close());

  it('@Retry on the service: one request, three calls', async () => {
    await request(app.getHttpServer()).get('/catalog/flaky').expect(200, { calls: 3 });
  });

  it('@Fallback + @CircuitBreaker on the service answer from the fallback', async () => {
    await request(app.getHttpServer())
      .get('/catalog/items/a')
      .expect(200, { id: 'a', source: 'placeholder' });
    await request(app.getHttpServer())
      .get('/catalog/items/b')
      .expect(200, { id: 'b', source: 'placeholder' });
  });

  it('@Timeout on the service: its rejection keeps its HTTP meaning (504)', async () => {
    await request(app.getHttpServer()).get('/catalog/slow').expect(504);
  });

  it('@RateLimit on the service: 429 with Retry-After on the second call', async () => {
    await request(app.getHttpServer()).get('/catalog/once').expect(200);
    const limited = await request(app.getHttpServer()).get('/catalog/once').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
